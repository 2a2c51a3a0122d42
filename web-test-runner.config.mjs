// Browser tests for the widgets, in headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { cjsAsEsm } from './scripts/cjs-as-esm.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/browser-harness.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Browser tests import `@open-wc/testing`; they get test/helpers/open-wc-testing.ts, the same module
 * with a `waitUntil` that waits up to 15 s by default instead of 1 s (see that file for why).
 */
function openWcTestingWithHeadroom() {
  const wrapper = '/test/helpers/open-wc-testing.ts';
  return {
    name: 'open-wc-testing-with-headroom',
    resolveImport({ source, context }) {
      if (source === '@open-wc/testing' && context.path.startsWith('/test/') && context.path !== wrapper) return wrapper;
      return undefined;
    },
  };
}

export default {
  files: ['test/widgets/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [
    // Serve a module-relative `./x.js` URL (e.g. the rebalance worker) from its TypeScript source.
    function tsForJs(context, next) {
      if (context.path.endsWith('.js') && !context.path.includes('/node_modules/') && !context.path.startsWith('/__')) {
        const file = join(process.cwd(), context.path);
        if (!existsSync(file) && existsSync(file.replace(/\.js$/, '.ts'))) context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
      }
      return next();
    },
  ],
  plugins: [openWcTestingWithHeadroom(), cjsAsEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 40_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    }),
  ],
};
