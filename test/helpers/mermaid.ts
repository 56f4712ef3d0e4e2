import { JSDOM } from 'jsdom';

let parser: Promise<(text: string) => Promise<{ diagramType: string }>> | undefined;

/**
 * Mermaid's own parser (the mermaid package, a devDependency), run headless: it parses
 * without rendering, but its sanitizer (DOMPurify) needs a window, which jsdom gives.
 * Throws on a diagram Mermaid would refuse.
 */
export function mermaidParser(): Promise<(text: string) => Promise<{ diagramType: string }>> {
  parser ??= (async () => {
    const { window } = new JSDOM('');
    Object.assign(globalThis, { window, document: window.document });
    const { default: mermaid } = await import('mermaid');
    return async (text: string) => {
      const result = await mermaid.parse(text);
      if (!result) throw new Error('Mermaid did not parse the diagram');
      return result;
    };
  })();
  return parser;
}

/** The ```mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}
