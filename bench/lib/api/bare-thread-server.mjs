/* global process, URL */
// The floor the thread page is compared with: a bare node:http server and a mysql2 pool running the
// very statements the API ran for one thread page (captured from TypeORM, same parameters, same order),
// answering with the rows as JSON. No GraphQL, no framework, no auth, no rendering.
//   BARE_SQL_FILE=<json [{sql, params}]> DATABASE_URL=mysql://… PORT=… DATABASE_POOL_SIZE=10 node bare-thread-server.mjs
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';

const statements = JSON.parse(readFileSync(process.env.BARE_SQL_FILE, 'utf8'));
const url = new URL(process.env.DATABASE_URL);
const pool = mysql.createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  connectionLimit: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z',
  supportBigNumbers: true,
  bigNumberStrings: true,
});

const server = createServer(async (req, res) => {
  try {
    const results = [];
    // Sequential, as the API's resolvers depend on each other's results.
    for (const s of statements) {
      const [rows] = await pool.query(s.sql, s.params);
      results.push(rows);
    }
    const body = JSON.stringify({ data: results });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(err && err.message));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
