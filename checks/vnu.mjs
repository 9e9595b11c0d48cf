// HTML validity: the Nu HTML Checker (vnu.jar from the vnu-jar package) over every page of the
// built site, with the machine's Java. Prints each error and a count; exits 1 on any.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { listFiles, PUBLIC } from "./lib/site.mjs";

const require = createRequire(import.meta.url);
const jar = require("vnu-jar");
const pages = listFiles().filter((f) => f.endsWith(".html")).map((f) => join(PUBLIC, f));
const run = spawnSync("java", ["-Xss4m", "-jar", jar, "--errors-only", "--format", "json", ...pages], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error) {
  console.error(`vnu: cannot run java: ${run.error.message}`);
  process.exit(2);
}
let messages;
try {
  messages = JSON.parse(run.stderr).messages;
} catch {
  console.error(`vnu: unexpected output:\n${run.stderr}\n${run.stdout}`);
  process.exit(2);
}
const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
for (const m of errors) {
  const file = (m.url ?? "").replace(/^file:/, "").replace(PUBLIC + "/", "");
  console.log(`${file}:${m.lastLine ?? "?"}:${m.firstColumn ?? "?"}: ${m.message}`);
}
console.log(`vnu: ${pages.length} pages checked, ${errors.length} errors`);
process.exit(errors.length === 0 ? 0 : 1);
