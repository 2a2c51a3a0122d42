// `npm start`: serves the demo at http://localhost:8000/ (PORT overrides), offline.
// TypeScript is compiled on the fly and bare imports resolved from node_modules.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cjsAsEsm } from '../scripts/cjs-as-esm.mjs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';

const server = await startDevServer({
  config: {
    rootDir,
    port,
    hostname,
    nodeResolve: { exportConditions: ['browser', 'development'] },
    plugins: [cjsAsEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) })],
    middleware: [
      function demoIndex(context, next) {
        if (context.path === '/' || context.path === '/demo') {
          context.redirect('/demo/');
          return undefined;
        }
        return next();
      },
      // Module-relative URLs in the source (e.g. the rebalance worker's `./worker.js`) name the built
      // file; serve the TypeScript source under that name so the Worker path works here too.
      function tsForJs(context, next) {
        if (context.path.endsWith('.js') && !context.path.includes('/node_modules/')) {
          const file = join(rootDir, context.path);
          const ts = file.replace(/\.js$/, '.ts');
          if (!existsSync(file) && existsSync(ts)) context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
        }
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`territory-kit demo: http://${hostname}:${port}/  (planner)  ·  http://${hostname}:${port}/demo/record.html  (CRM record page)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
