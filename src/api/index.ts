/** pm-lint's public API. */
export { lintText, lintFiles, lintBytes, loadConfig, loadPlugins, type LintOptions, type LintFilesResult } from './lint.js';
export { WorkerError } from './pool.js';
export { rules } from '../../rules/index.js';
export { formatResults, FORMATS, type FormatName } from '../reporters/index.js';
export { ConfigError, type ConfigInput, type ConfigProblem, type Settings } from '../config/types.js';
export type { FileConfig } from '../config/resolve.js';
export { defineRule } from '../engine/types.js';
export type { Rule, RuleContext, Report, LintMessage, LintResult, Severity, Fix, JsonSchema } from '../engine/types.js';
export { PostmortemDocument } from '../model/document.js';
export type * from '../model/facts/types.js';
export { reportFiles, buildReport, type PostmortemReport, type ReportOptions, type DocumentReport, type ActionItemReference } from './report/report.js';
export type { DocumentFacts, ActionItemFact, ResponseTimeFact } from './report/facts.js';
export { markdownReport, type MarkdownReportOptions } from '../reporters/report-markdown.js';
