import type { Nodes } from 'mdast';
import { defineRule } from '../../src/engine/types.js';
import { findMojibake, inRanges, type PostmortemDocument } from '../../src/model/index.js';

interface Options {
  checkCode: boolean;
}

const REPLACEMENT_RUN = /\uFFFD+/g;
/** Long runs are shortened in messages; the fix carries the whole text. */
const SHOWN = 60;

/** Invisible C1 controls (Latin-1's reading of some bytes) are shown by code point. */
const C1_CONTROL = /[\u0080-\u009f]/g;

function shown(text: string): string {
  const short = text.length <= SHOWN ? text : `${text.slice(0, SHOWN - 1)}…`;
  return short.replace(C1_CONTROL, (char) => `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Source ranges of code spans and code blocks, in document order. */
function codeRanges(document: PostmortemDocument): Array<[number, number]> {
  return document.derived('codeRanges', () => {
    const ranges: Array<[number, number]> = [];
    const stack: Nodes[] = [document.tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
        ranges.push([node.position.start.offset!, node.position.end.offset!]);
        continue;
      }
      if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
    return ranges;
  });
}

export default defineRule<Options>({
  id: 'text-encoding',
  description: 'Reports mojibake (UTF-8 read as Windows-1252 or Latin-1), U+FFFD replacement characters and bytes that are not valid UTF-8.',
  severity: 'error',
  recommended: true,
  fixable: true,
  messages: {
    mojibake: 'Mojibake "{{text}}" (UTF-8 read as {{encoding}}): it should read "{{repaired}}".',
    mojibakeLossy:
      'Mojibake "{{text}}" (UTF-8 read as {{encoding}}, with bytes lost): it probably read "{{repaired}}", where each "\uFFFD" is a character that cannot be recovered; restore it from the original text.',
    replacement:
      'Unexpected replacement character "{{text}}" (U+FFFD): characters were lost when this text was decoded with the wrong encoding; restore them from the original text.',
    invalidBytes:
      'Bytes that are not valid UTF-8 (shown as "{{text}}"): the file is saved in another encoding (perhaps Windows-1252 or Latin-1); convert it to UTF-8.',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      checkCode: {
        type: 'boolean',
        default: false,
        description:
          'Also check code spans and code blocks. Off by default, as postmortems of encoding bugs quote broken text in code on purpose; bytes that are not valid UTF-8 are reported everywhere.',
      },
    },
  },
  check(document, context) {
    const { text } = document;
    const skipCode = !context.options.checkCode;
    const isCode = (offset: number) => skipCode && inRanges(codeRanges(document), offset);

    for (const run of findMojibake(text)) {
      if (isCode(run.start)) continue;
      const offsets = { start: run.start, end: run.end };
      const data = { text: shown(run.text), encoding: run.encoding, repaired: shown(run.repaired) };
      if (run.lossy) context.report({ offsets, messageId: 'mojibakeLossy', data });
      else context.report({ offsets, messageId: 'mojibake', data, fix: { range: [run.start, run.end], text: run.repaired } });
    }

    REPLACEMENT_RUN.lastIndex = 0;
    for (let match = REPLACEMENT_RUN.exec(text); match; match = REPLACEMENT_RUN.exec(text)) {
      const offsets = { start: match.index, end: match.index + match[0].length };
      // Undecodable bytes are a problem of the whole file, in code as anywhere else.
      if (document.invalidUtf8) context.report({ offsets, messageId: 'invalidBytes', data: { text: match[0] } });
      else if (!isCode(match.index)) {
        context.report({ offsets, messageId: 'replacement', data: { text: shown(match[0]) } });
      }
    }
  },
});
