// ipx (sharp) as a side-by-side peer of imgedge, on loopback only.
// Usage: node server.mjs PORT ORIGIN_HOST
// Serves /<modifiers>/<encoded origin URL> like `ipx serve`, and GET /__stats with what it did:
// requests answered and transforms (sharp pipelines encoded), counted here because ipx keeps no
// metrics of its own. ipx caches nothing: every request is a transform.
import http from "node:http";
import sharp from "sharp";
import { createIPX, createIPXNodeServer, ipxHttpStorage } from "ipx";

const port = Number(process.argv[2] || 0);
const originHost = process.argv[3] || "127.0.0.1";
const stats = { requests: 0, transforms: 0, errors: 0 };

for (const method of ["toBuffer"]) {
  const original = sharp.prototype[method];
  sharp.prototype[method] = function (...args) {
    stats.transforms++;
    return original.apply(this, args);
  };
}

const ipx = createIPX({ httpStorage: ipxHttpStorage({ domains: [originHost] }) });
const handler = createIPXNodeServer(ipx);
const server = http.createServer((req, res) => {
  if (req.url === "/__stats") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(stats));
    return;
  }
  stats.requests++;
  res.on("finish", () => { if (res.statusCode >= 400) stats.errors++; });
  handler(req, res);
});
server.keepAliveTimeout = 65000;
server.listen(port, "127.0.0.1", () => {
  console.log(`ipx listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
