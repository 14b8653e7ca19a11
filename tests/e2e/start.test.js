/**
 * The dev loop on Linux: `npm start` reuses the build and certificate, a second `npm start`
 * finds the running preview instead of dying on EADDRINUSE, `npm stop` stops it, and a port
 * taken by another program is reported in one line with the PREVIEW_PORT hint. The second
 * start's time is printed (the ≤ 10 s target is a number to watch, not a timed assertion).
 */
const { test } = require("node:test");
const assert = require("node:assert/strict");
const http = require("http");
const path = require("path");
const { spawn, spawnSync } = require("child_process");
const { ROOT } = require("./harness");

const START = path.join(ROOT, "scripts", "start.js");
const STOP = path.join(ROOT, "scripts", "stop.js");

function freePort() {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function env(port) {
  return { ...process.env, PREVIEW_PORT: String(port), NO_OPEN: "1" };
}

/** Starts `npm start`'s script and resolves once it prints the preview's address. */
function startPreview(port) {
  const child = spawn(process.execPath, [START], { cwd: ROOT, env: env(port) });
  let out = "";
  const ready = new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      if (/Preview: https?:\/\/\S+/.test(out)) resolve(out);
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
  return { child, ready };
}

test("npm start twice, npm stop, and a busy port", async () => {
  const port = await freePort();
  const first = startPreview(port);
  const out = await first.ready;
  assert.doesNotMatch(out, /sudo/i);
  const exited = new Promise((resolve) => first.child.on("exit", resolve));

  const t0 = Date.now();
  const second = spawnSync(process.execPath, [START], { cwd: ROOT, env: env(port) });
  const ms = Date.now() - t0;
  console.log(`second npm start: ${ms} ms`);
  assert.equal(second.status, 0, String(second.stderr));
  assert.match(String(second.stdout), /already running/);
  assert.match(
    String(second.stdout),
    new RegExp(`Preview: https?://localhost:${port}/preview.html`)
  );
  assert.doesNotMatch(String(second.stdout), /Building/);

  const stop = spawnSync(process.execPath, [STOP], { cwd: ROOT, env: env(port) });
  assert.equal(stop.status, 0);
  assert.match(String(stop.stdout), /Stopped the preview/);
  await exited;

  // Another program holds the port: one line, the hint, exit 1.
  const blocker = http.createServer().listen(port, "localhost");
  await new Promise((r) => blocker.once("listening", r));
  try {
    const busy = spawnSync(process.execPath, [START], { cwd: ROOT, env: env(port) });
    assert.equal(busy.status, 1);
    const err = String(busy.stderr).trim();
    assert.equal(err.split("\n").length, 1, err);
    assert.match(err, new RegExp(`PREVIEW_PORT=${port + 1} npm start`));
  } finally {
    blocker.close();
  }
});
