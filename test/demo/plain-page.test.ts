// demo/plain.html: the README's "plain page" — one module script, the elements, a few lines of
// adapter code — served by `npm start`, loads, renders and accepts an assignment.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ROOT, need, openPage, startDemo, until, type Demo } from './demo-server.js';

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.stop();
});

type Provider = { state: { status: string; accounts: unknown[]; working: Record<string, string | null> }; actions: unknown };

describe('demo/plain.html (npm start)', { timeout: 180_000 }, () => {
  it('is one module script plus the elements, and the same code as the README shows', () => {
    const text = readFileSync(`${ROOT}demo/plain.html`, 'utf8');
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1, 'exactly one script');
    assert.match(scripts[0][1], /type="module"/);
    const code = scripts[0][2];
    assert.match(code, /import \{ createMemoryAdapter, generateDemoData \} from '\/widgets\/standalone\.js';/);
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    // Apart from where the bundle comes from, the README's lines are the page's lines.
    const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('import'));
    for (const line of lines(code)) assert.ok(readme.includes(line), `README shows: ${line}`);
    for (const tag of ['tk-territory-provider viewer-role="manager"', '<tk-territory-map', '<tk-workload-gauge', '<tk-rep-assignment-panel']) {
      assert.ok(text.includes(tag) && readme.includes(tag), tag);
    }
  });

  it('loads the data, draws the map and the panel, with no page error', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/plain.html');
    try {
      await until(page, 'the provider to load 2,000 accounts', () => {
        const p = document.querySelector('tk-territory-provider') as unknown as Provider;
        return p?.state?.status === 'ready' && p.state.accounts.length === 2000;
      });
      await need(page, 'tk-territory-map >>> [role="listbox"] [role="option"]', "the map's keyboard list of accounts");
      await need(page, 'tk-rep-assignment-panel >>> [part~="reps-table"]', "the panel's reps table");
      await need(page, 'tk-workload-gauge >>> [role="meter"]', 'a gauge meter');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
