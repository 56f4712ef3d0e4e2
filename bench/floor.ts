/**
 * The parse floor: what any remark-based linter pays at least. Reads every Markdown file
 * under a directory, parses it with unified + remark-parse + remark-gfm (every GFM
 * extension) and walks the tree once, on one thread. Usage: node floor.js <directory>...
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function markdownFiles(directory: string, found: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) markdownFiles(path, found);
    else if (entry.name.endsWith('.md')) found.push(path);
  }
  return found;
}

const processor = unified().use(remarkParse).use(remarkGfm).freeze();
let nodes = 0;
for (const directory of process.argv.slice(2)) {
  for (const file of markdownFiles(directory)) {
    const tree = processor.parse(readFileSync(file, 'utf8'));
    const stack: Nodes[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      nodes++;
      if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
    }
  }
}
process.stdout.write(`${nodes} nodes\n`);
