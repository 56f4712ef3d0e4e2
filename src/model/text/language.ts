/**
 * The language a document's prose is written in, as far as pm-lint needs to know it:
 * whether its built-in vocabulary (section titles, action-item columns, metadata labels,
 * statuses) covers it. pm-lint reads English, German, French, Spanish and Portuguese, and
 * Japanese, Chinese and Korean. A postmortem in Dutch, Italian or Russian still has its
 * summary and its action items; pm-lint only cannot read their titles, so a rule that
 * reports what is *missing* stays silent there rather than be wrong (see the rules that
 * read `PostmortemDocument.language`).
 *
 * Latin-script languages are told apart by their most frequent function words, counted
 * over the prose; other scripts by their letters. A hand-written count rather than a
 * trigram library: the question is narrow (one of five Latin languages, or not), and
 * franc-min, the obvious library, builds the trigram tables of 82 languages when it is
 * loaded, about 15 ms on every run, while this costs nothing until a rule asks.
 */

export interface DocumentLanguage {
  /**
   * The language (ISO 639-1: "en", "nl") or, outside the Latin script, the script
   * (ISO 15924: "Cyrl", "Grek") the prose is written in; null when there is too little
   * prose to tell.
   */
  code: string | null;
  /** Whether pm-lint's built-in vocabulary covers it; true when it cannot be told. */
  readable: boolean;
}

/** Languages whose section titles, columns, labels and statuses pm-lint knows. */
const READABLE = new Set(['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ko']);

/**
 * The most frequent words of each language, none of a single letter (the "v" of "v2.14",
 * the "s" of "30s"). A word two languages share ("de", "en", "la") is in both lists and
 * counts for both: the count, not the list, decides.
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: 'the and of to was were is are in on for with at by from that this it we our had has have been not an which after as but when into they their there',
  de: 'der die das und ist war wurde wurden nicht mit von auf für ein eine einen dem den des zu im bei sich auch nach es wir haben hat aus durch über werden sind dass',
  fr: 'de le la les et en est des une un du pour dans sur par pas que qui il au aux avec été ont nous ce cette sont ne se plus était',
  es: 'de la el los las del por con una un fue que se en es no para al lo como más pero sus ha han este esta entre cuando sobre también desde durante',
  pt: 'de os as do da dos das em no na nos nas um uma foi que com não para por ao se mais pelo pela são ser foram está também',
  nl: 'de het een en van is niet op werd met te dat zijn voor er aan bij ook door naar wij we hebben heeft geen om uit dit deze was werden worden',
  it: 'il di che non per della del dei delle degli alle dalle dalla dal è un una gli sono ha al nel nella con si lo anche come stato stata da ai',
  pl: 'na się nie do że jest od to po przez dla był była było oraz jak ale są przy we ze tym co',
  sv: 'och att det som en på är av för med till den har inte var om ett vi de från efter kunde blev',
  da: 'og at det som en på er af for med til den har ikke var om et vi de fra efter kunne blev ble etter av',
  cs: 'se na je že do to by jako ale po pro jsme bylo byl není které byla',
  tr: 've bir bu için ile da de olarak olan çok daha gibi sonra kadar ama değil oldu tarafından',
  id: 'yang dan di ke dari ini itu dengan untuk tidak pada adalah kami karena akan telah sudah oleh',
  ro: 'și în de la cu pe nu din care este un pentru au fost mai că',
  hu: 'az és hogy nem egy is volt meg van de ki el csak után',
  fi: 'ja on ei oli se että kun mutta myös joka ovat olla tai sen',
  vi: 'và của là được các không có một những cho trong đã với này người khi để',
};

const WORDS_OF = new Map<string, string[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words.split(' ')) {
    const languages = WORDS_OF.get(word);
    if (languages) languages.push(language);
    else WORDS_OF.set(word, [language]);
  }
}

/** Fewer function words than this and the prose is too short to tell its language. */
const MIN_FUNCTION_WORDS = 8;
/** An unread language must lead the best read one by this factor: a close count is no evidence. */
const LEAD = 1.5;
/** Enough words to tell: a long document is not read to its end. */
const ENOUGH_WORDS = 600;

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
/** Scripts by the letters that mark them: kana is Japanese even beside Han characters. */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['ko', /\p{Script=Hangul}/gu], ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu], ['zh', /\p{Script=Han}/gu],
  ['Cyrl', /\p{Script=Cyrillic}/gu], ['Grek', /\p{Script=Greek}/gu], ['Arab', /\p{Script=Arabic}/gu],
  ['Hebr', /\p{Script=Hebrew}/gu], ['Thai', /\p{Script=Thai}/gu], ['Deva', /\p{Script=Devanagari}/gu],
  ['Armn', /\p{Script=Armenian}/gu], ['Geor', /\p{Script=Georgian}/gu],
];
/** Han characters also stand in Japanese text: a share of kana this large makes it Japanese. */
const KANA_SHARE = 0.1;
/** A character of these scripts says about as much as a Latin word of about this many letters. */
const LETTERS_PER_CJK_CHARACTER = 3;

/** The language of prose given as blocks of text (paragraphs, table cells), in document order. */
export function documentLanguage(blocks: Iterable<string>): DocumentLanguage {
  const counts = new Map<string, number>();
  const letters = new Map<string, number>();
  let latinLetters = 0;
  let words = 0;
  outer: for (const block of blocks) {
    for (const [word] of block.matchAll(WORD)) {
      if (++words > ENOUGH_WORDS) break outer;
      if (LATIN.test(word)) {
        latinLetters += word.length;
        for (const language of WORDS_OF.get(word.toLowerCase()) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
        continue;
      }
      for (const [script, pattern] of SCRIPTS) {
        const found = word.match(pattern)?.length ?? 0;
        if (found > 0) letters.set(script, (letters.get(script) ?? 0) + found);
      }
    }
  }
  const scripted = byScript(letters, latinLetters);
  if (scripted) return scripted;
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [best, bestCount] = ranked[0] ?? ['', 0];
  if (bestCount < MIN_FUNCTION_WORDS) return { code: null, readable: true };
  if (READABLE.has(best)) return { code: best, readable: true };
  const readableCount = ranked.find(([language]) => READABLE.has(language))?.[1] ?? 0;
  return { code: best, readable: bestCount < readableCount * LEAD };
}

/**
 * The language told by a script other than Latin, when its letters outweigh the Latin
 * ones: a Russian or Japanese postmortem names its services and zones in Latin letters
 * but writes its sentences in its own script.
 */
function byScript(letters: ReadonlyMap<string, number>, latinLetters: number): DocumentLanguage | null {
  const han = letters.get('zh') ?? 0;
  const kana = letters.get('ja') ?? 0;
  const hangul = letters.get('ko') ?? 0;
  const cjk = han + kana + hangul;
  if (cjk * LETTERS_PER_CJK_CHARACTER >= latinLetters && cjk >= MIN_FUNCTION_WORDS) {
    const code = hangul >= han + kana ? 'ko' : kana >= cjk * KANA_SHARE ? 'ja' : 'zh';
    return { code, readable: true };
  }
  const [script, count] = [...letters].filter(([code]) => !READABLE.has(code)).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count > latinLetters && count >= MIN_FUNCTION_WORDS * 4) return { code: script, readable: false };
  return null;
}
