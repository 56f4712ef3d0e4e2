/**
 * Scores pm-lint's findings on a labelled corpus of real postmortems: each finding is
 * matched to a reviewer's label (TP, FP, DEBATABLE) and each labelled defect is looked
 * for among the findings. Pure: the caller lints and reads the label files.
 */

export type Verdict = 'TP' | 'FP' | 'DEBATABLE';

export interface FindingLabel {
  line: number;
  rule: string;
  /** The first 120 characters of the finding's message; only its first 50 are compared. */
  message?: string;
  label: Verdict;
  why: string;
}

export interface MissLabel {
  line: number;
  rules: string[];
  what: string;
}

export interface LabelFile {
  files: Record<string, { findings?: FindingLabel[]; misses?: MissLabel[] }>;
}

export interface Finding {
  file: string;
  rule: string;
  line: number;
  message: string;
}

export interface RuleScore {
  rule: string;
  findings: number;
  tp: number;
  fp: number;
  debatable: number;
  unjudged: number;
  /** TP / (TP + FP); null when the rule has neither. */
  precision: number | null;
  defects: number;
  found: number;
  /** found / defects; null when the rule has no labelled defect. */
  recall: number | null;
}

export interface Unjudged extends Finding {}

export interface Score {
  rules: RuleScore[];
  overall: RuleScore;
  unjudged: Unjudged[];
  /** Labelled defects no finding reports, for reading what is still missed. */
  missed: Array<{ file: string; line: number; rules: string[]; what: string }>;
  /** Findings by verdict, for reading what is wrong. */
  judged: Array<Finding & { label: Verdict; why: string; source: string }>;
}

/** How far (in lines) a finding may be from a labelled miss and still find it. */
export const MISS_TOLERANCE = 2;
const MESSAGE_PREFIX = 50;

interface SourcedLabel extends FindingLabel {
  source: string;
}

function sameMessage(label: FindingLabel, message: string): boolean {
  if (label.message === undefined) return true;
  return message.slice(0, MESSAGE_PREFIX) === label.message.slice(0, MESSAGE_PREFIX);
}

function labelKey(file: string, rule: string, line: number): string {
  return `${file}\u0000${rule}\u0000${line}`;
}

/**
 * Labels sets are read in order: a finding takes its verdict from the first set that
 * judges it (the shared labels, then the project's own judgments).
 */
export function score(findings: readonly Finding[], labelSets: ReadonlyArray<{ source: string; labels: LabelFile }>, files: readonly string[]): Score {
  const inCorpus = new Set(files);
  const byPlace = new Map<string, SourcedLabel[]>();
  const misses: Array<{ file: string } & MissLabel> = [];
  const tpLabels: Array<SourcedLabel & { file: string }> = [];
  for (const { source, labels } of labelSets) {
    for (const [file, entry] of Object.entries(labels.files)) {
      if (!inCorpus.has(file)) continue;
      for (const label of entry.findings ?? []) {
        const key = labelKey(file, label.rule, label.line);
        const sourced: SourcedLabel & { file: string } = { ...label, source, file };
        const list = byPlace.get(key) ?? [];
        list.push(sourced);
        byPlace.set(key, list);
        if (label.label === 'TP') tpLabels.push(sourced);
      }
      for (const miss of entry.misses ?? []) misses.push({ ...miss, file });
    }
  }

  const rows = new Map<string, RuleScore>();
  const row = (rule: string): RuleScore => {
    let current = rows.get(rule);
    if (!current) {
      current = { rule, findings: 0, tp: 0, fp: 0, debatable: 0, unjudged: 0, precision: null, defects: 0, found: 0, recall: null };
      rows.set(rule, current);
    }
    return current;
  };

  // One label judges one finding: two identical findings on a line need two labels.
  const used = new Set<SourcedLabel>();
  const matchedTp = new Set<SourcedLabel>();
  const unjudged: Unjudged[] = [];
  const judged: Score['judged'] = [];
  for (const finding of findings) {
    const current = row(finding.rule);
    current.findings++;
    const candidates = byPlace.get(labelKey(finding.file, finding.rule, finding.line)) ?? [];
    const label = candidates.find((candidate) => !used.has(candidate) && sameMessage(candidate, finding.message));
    if (!label) {
      current.unjudged++;
      unjudged.push(finding);
      continue;
    }
    used.add(label);
    judged.push({ ...finding, label: label.label, why: label.why, source: label.source });
    if (label.label === 'TP') {
      current.tp++;
      matchedTp.add(label);
    } else if (label.label === 'FP') current.fp++;
    else current.debatable++;
  }

  // Defects: every finding labelled TP (found while a finding still matches it) and every miss.
  // A finding judged later (not by the shared labels) where a labelled miss of its rule
  // stands is the defect that miss names, not another one.
  const isMiss = (label: SourcedLabel & { file: string }) =>
    label.source !== labelSets[0]?.source &&
    misses.some((miss) => miss.file === label.file && miss.rules.includes(label.rule) && Math.abs(miss.line - label.line) <= MISS_TOLERANCE);
  for (const label of tpLabels) {
    if (isMiss(label)) continue;
    const current = row(label.rule);
    current.defects++;
    if (matchedTp.has(label)) current.found++;
  }
  const missed: Score['missed'] = [];
  for (const miss of misses) {
    const rule = miss.rules[0]!;
    const found = findings.some(
      (finding) => finding.file === miss.file && miss.rules.includes(finding.rule) && Math.abs(finding.line - miss.line) <= MISS_TOLERANCE,
    );
    // A miss counts for the rule that found it, or its first rule while none does.
    const finder = found
      ? findings.find((finding) => finding.file === miss.file && miss.rules.includes(finding.rule) && Math.abs(finding.line - miss.line) <= MISS_TOLERANCE)!.rule
      : rule;
    const current = row(finder);
    current.defects++;
    if (found) current.found++;
    else missed.push({ file: miss.file, line: miss.line, rules: miss.rules, what: miss.what });
  }

  const overall: RuleScore = { rule: 'all rules', findings: 0, tp: 0, fp: 0, debatable: 0, unjudged: 0, precision: null, defects: 0, found: 0, recall: null };
  const list = [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  for (const current of list) {
    finish(current);
    for (const key of ['findings', 'tp', 'fp', 'debatable', 'unjudged', 'defects', 'found'] as const) overall[key] += current[key];
  }
  finish(overall);
  return { rules: list, overall, unjudged, missed, judged };
}

function finish(row: RuleScore): void {
  row.precision = row.tp + row.fp === 0 ? null : row.tp / (row.tp + row.fp);
  row.recall = row.defects === 0 ? null : row.found / row.defects;
}

function ratio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** The score as a Markdown table, one row per rule and one for all rules. */
export function formatTable(result: Score): string {
  const header = '| rule | findings | TP | FP | debatable | unjudged | precision | defects | found | recall |';
  const align = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const line = (r: RuleScore, bold = false): string => {
    const name = bold ? `**${r.rule}**` : r.rule;
    const cells = [r.findings, r.tp, r.fp, r.debatable, r.unjudged, ratio(r.precision), r.defects, r.found, ratio(r.recall)];
    return `| ${name} | ${cells.join(' | ')} |`;
  };
  return [header, align, ...result.rules.map((r) => line(r)), line(result.overall, true)].join('\n');
}
