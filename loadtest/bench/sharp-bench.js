// sharp's side of side-by-side.sh: the same task in a closed loop, one at a time and two in flight.
// usage: node sharp-bench.js INPUT WIDTH HEIGHT QUALITY WARMUP_S SECONDS OUT
'use strict';
const fs = require('fs');
const sharp = require('sharp');

const [input, width, height, quality, warmup, seconds, out] = process.argv.slice(2);
const source = fs.readFileSync(input);
sharp.cache(false); // every op decodes, as a CDN miss does

function once() {
  return sharp(source)
    .resize(Number(width), Number(height), { kernel: 'lanczos3', fit: 'fill' })
    .jpeg({ quality: Number(quality) })
    .toBuffer();
}

async function measure(inFlight, secs) {
  const end = Date.now() + secs * 1000;
  const start = Date.now();
  let done = 0;
  async function worker() {
    while (Date.now() < end) {
      await once();
      done++;
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / ((Date.now() - start) / 1000);
}

(async () => {
  const result = await once();
  fs.writeFileSync(out, result);
  await measure(2, Number(warmup));
  const cpu = process.cpuUsage();
  const started = Date.now();
  const serial = await measure(1, Number(seconds));
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / (serial * (Date.now() - started) / 1000);
  const pair = await measure(2, Number(seconds));
  const rssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`RESULT sharp-${sharp.versions.sharp} serial=${serial.toFixed(1)} pair=${pair.toFixed(1)} ` +
    `bytes=${result.length} rssMiB=${rssMiB} cpuMs=${cpuMs.toFixed(1)}`);
})();
