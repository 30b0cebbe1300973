import { writePgliteTemplate, createTestDatabase } from "@/server/testing/testDatabase";
import { PGlite } from "@electric-sql/pglite";
async function main() {


const file = "/tmp/tpl.tar";
let t = Date.now();
await writePgliteTemplate(file);
console.log("template", Date.now() - t);
for (let i = 0; i < 3; i++) {
  t = Date.now();
  const d = await createTestDatabase({ kind: "pglite", templateFile: file });
  const t1 = Date.now();
  await d.destroy();
  console.log("create", t1 - t, "destroy", Date.now() - t1);
}
const { readFile } = await import("node:fs/promises");
const base = await PGlite.create({ loadDataDir: new Blob([await readFile(file)]) });
for (let i = 0; i < 3; i++) {
  t = Date.now();
  const c = await (base as any).clone();
  await c.query("select 1");
  const t1 = Date.now();
  await c.close();
  console.log("clone", t1 - t, "close", Date.now() - t1);
}
}
main();
