import { describe, expect, it } from 'vitest';
import { findMojibake } from '../src/model/text/mojibake.js';
import { asLatin1, asWindows1252, asWindows1252Dropping } from './helpers/encoding.js';
import { expectLinearGrowth } from './helpers/linear.js';


describe('findMojibake', () => {
  it.each([
    'Tomás Ñúñez, Renée Åberg, Jürgen Weiß, François, naïve café, smörgåsbord, Ångström',
    'Température, Größe, año, ¿Qué pasó?, «ÉTÉ», “quoted” ‘single’ — en – dash… ellipsis',
    'CAFÉ… MAÑANA— ÉTÉ” MAMÁ’ DAĞ’ın doğru ığüşöç İŞĞ',
    '12 € or 5 £, 10\u00a0GB, ±3 ms, 21 °C, ½, ×2, © 2026, ® and ™, § 4, µs, 2×½ ×©',
    '추천 요청의 약 20%가 2초 이상 걸렸습니다. 日本語のテキスト、中文文本。 Ошибка в системе. Ελληνικά. עברית',
    '✅ Done 🔄 In Progress 📝 Open 🚀 👍🏽 🇰🇷 ❌ ⚠️ → ← ↔',
  ])('never flags correct text: %s', (text) => {
    expect(findMojibake(text)).toEqual([]);
  });

  it.each([
    ['’', 'â€™'],
    ['é', 'Ã©'],
    ['°', 'Â°'],
    ['→', 'â†’'],
    ['✅', 'âœ…'],
    ['🔄', 'ðŸ”„'],
    ['사용자', 'ì‚¬ìš©ìž\u0090'],
    ['Привет', 'ÐŸÑ€Ð¸Ð²ÐµÑ‚'],
  ])('repairs %s read as Windows-1252', (original, mojibake) => {
    expect(asWindows1252(original)).toBe(mojibake);
    const [run] = findMojibake(`x ${mojibake} y`);
    expect(run).toMatchObject({ start: 2, end: 2 + mojibake.length, repaired: original, lossy: false, encoding: 'Windows-1252' });
  });

  it('repairs UTF-8 read as Latin-1 (C1 controls) and says so', () => {
    const text = `It didn${asLatin1('’')}t load`;
    expect(findMojibake(text)).toEqual([
      { start: 7, end: 10, text: 'â\u0080\u0099', repaired: '’', lossy: false, encoding: 'Latin-1' },
    ]);
  });

  it('repairs emoji read as Windows-1254 ("ğŸ”„")', () => {
    expect(findMojibake('Status: ğŸ”„ In Progress')).toEqual([
      { start: 8, end: 12, text: 'ğŸ”„', repaired: '🔄', lossy: false, encoding: 'Windows-1254' },
    ]);
  });

  it('repairs text converted twice', () => {
    const twice = asWindows1252(asWindows1252('café'));
    expect(twice).toBe('cafÃƒÂ©');
    expect(findMojibake(twice)).toMatchObject([{ start: 3, end: 7, repaired: 'é', lossy: false }]);
  });

  it('merges the words of one line into one run, but not across other characters or lines', () => {
    const line = asWindows1252('메모리 사용량 급증 시작');
    const text = `| 10:10 | Qwen ${line} (gradual leak) |\n${asWindows1252('완화')}`;
    const runs = findMojibake(text);
    expect(runs.map((run) => [run.text, run.repaired])).toEqual([
      [line, '메모리 사용량 급증 시작'],
      [asWindows1252('완화'), '완화'],
    ]);
    expect(runs[0]!.start).toBe(text.indexOf(line));
  });

  it('marks runs that lost bytes as lossy, with U+FFFD where characters were lost', () => {
    // 사용자 영향: 자 and 영 each lose a byte that Windows-1252 does not define.
    const text = asWindows1252Dropping('사용자 영향');
    expect(text).toBe('ì‚¬ìš©ìž ì˜í–¥');
    expect(findMojibake(text)).toEqual([
      { start: 0, end: text.length, text, repaired: '사용\uFFFD \uFFFD향', lossy: true, encoding: 'Windows-1252' },
    ]);
    // A closing quote that lost its last byte is still recognised.
    expect(findMojibake(asWindows1252Dropping('“ok”'))).toMatchObject([
      { text: 'â€œ', repaired: '“', lossy: false },
      { text: 'â€', repaired: '\uFFFD', lossy: true },
    ]);
  });

  it('takes a space between a lead byte and a continuation byte for a lost no-break space', () => {
    // 레 is EB A0 88: its A0 (no-break space) was turned into a plain space.
    const text = asWindows1252('서킷브레이커').replace('\u00a0', ' ');
    expect(text).toBe('ì„œí‚·ë¸Œë ˆì\u009D´ì»¤');
    expect(findMojibake(text)).toMatchObject([{ start: 0, end: text.length, repaired: '서킷브레이커', lossy: false }]);
    // A plain space elsewhere stays a space.
    expect(findMojibake(`${asWindows1252('근본')} ${asWindows1252('원인')}`)).toMatchObject([{ repaired: '근본 원인', lossy: false }]);
  });

  it('keeps real punctuation around mojibake out of the run', () => {
    const text = `“${asWindows1252('é')}”`;
    expect(findMojibake(text)).toMatchObject([{ start: 1, end: 3, text: 'Ã©', repaired: 'é' }]);
  });

  it('scans only the given range', () => {
    const text = 'Ã© and Ã©';
    expect(findMojibake(text, 3).map((run) => run.start)).toEqual([7]);
    expect(findMojibake(text, 0, 4).map((run) => run.start)).toEqual([0]);
  });

  it('stays linear on adversarial input', () => {
    expectLinearGrowth((scale) => findMojibake('Ã'.repeat(12_500 * scale) + 'â€'.repeat(12_500 * scale) + ' ì'.repeat(12_500 * scale)), 'findMojibake');
  });
});
