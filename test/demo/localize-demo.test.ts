// The demo's language (issue #14): the record page honours `?lang=`, and the planner's header picker
// switches every element at run time, keeps the choice in the address and in the links between pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { need, openPage, startDemo, textOf, until, type Demo } from './demo-server.js';

let demo: Demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.stop();
});

describe('the demo in other languages (npm start)', { timeout: 180_000 }, () => {
  it('record.html?lang=de renders the card and gauges in German, with German formats', async () => {
    const { page, errors, close } = await openPage(demo, '/demo/record.html?lang=de');
    try {
      await need(page, 'tk-territory-card >>> [part~="totals"]', "the card's totals");
      await until(page, 'the card in German', () => {
        const card = document.querySelector('tk-territory-card') as unknown as { renderRoot: ShadowRoot };
        return [...card.renderRoot.querySelectorAll('[part~=totals] dt')].some((dt) => dt.textContent === 'Arbeitslast');
      });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de-DE');
      assert.equal(await page.$eval('#locale', (s) => (s as HTMLSelectElement).value), 'de-DE');
      assert.match(await textOf(page, 'tk-territory-card >>> #untouched-title'), /^Unbearbeitete Accounts mit hohem Potenzial$/);
      // German money: the amount, then the currency sign ("1,2 Mio. $").
      assert.match(await textOf(page, 'tk-territory-card >>> [part~=totals] div:nth-child(3) dd'), /\d(\s(Mio\.|Tsd\.))?\s\$ von /);
      assert.match(await textOf(page, 'tk-workload-gauge >>> .name'), /· Arbeitslast$/);
      // The link back to the planner keeps the language.
      assert.equal(await page.$eval('header.page a', (a) => a.getAttribute('href')), '/demo/?lang=de-DE');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  it("the planner's language picker switches the elements at run time and keeps the choice in the address", async () => {
    const { page, errors, close } = await openPage(demo, '/demo/');
    try {
      const pan = 'tk-territory-map >>> [part~=toolbar] button';
      await need(page, pan, "the map's toolbar");
      assert.equal(await textOf(page, pan), 'Pan');
      await page.select('#locale', 'ja-JP');
      await until(page, 'the map toolbar in Japanese', () => {
        const map = document.querySelector('tk-territory-map') as unknown as { renderRoot: ShadowRoot };
        return map.renderRoot.querySelector('[part~=toolbar] button')?.textContent === '移動';
      });
      assert.match(await textOf(page, 'tk-performance-board >>> caption'), /^営業担当別の実績/);
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'ja-JP');
      assert.equal(await page.$eval('header.page a[href*="record"]', (a) => a.getAttribute('href')), '/demo/record.html?lang=ja-JP');
      await page.select('#locale', 'en-US');
      await until(page, 'the map toolbar in English again', () => {
        const map = document.querySelector('tk-territory-map') as unknown as { renderRoot: ShadowRoot };
        return map.renderRoot.querySelector('[part~=toolbar] button')?.textContent === 'Pan';
      });
      assert.equal(new URL(page.url()).searchParams.get('lang'), null);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
