import { expect } from '@open-wc/testing';
import '../../widgets/index.js';
import { defineOnDemand } from '../../widgets/shared/define-on-demand.js';

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms))]);

describe('defineOnDemand', () => {
  it('the widgets entry leaves the territory editor undefined until one is in the document', async () => {
    expect(customElements.get('tk-rep-assignment-panel'), 'eager elements are defined').to.exist;
    expect(customElements.get('tk-territory-editor'), 'the editor is not loaded with the entry').to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML = '<section><tk-territory-editor></tk-territory-editor></section>'; // a nested add is seen too
    document.body.append(host);
    await within(customElements.whenDefined('tk-territory-editor'), 10_000, 'the editor defined');
    const editor = host.querySelector('tk-territory-editor')!;
    expect(editor.constructor.name).to.equal('TkTerritoryEditor');
    host.remove();
  });

  it('loads once, on the first matching element, and not for other tags', async () => {
    let loads = 0;
    defineOnDemand('tk-test-lazy', async () => {
      loads++;
      customElements.define('tk-test-lazy', class extends HTMLElement {});
    });
    document.body.append(document.createElement('tk-other-tag'));
    await new Promise((r) => setTimeout(r, 20));
    expect(loads).to.equal(0);
    const a = document.createElement('tk-test-lazy');
    const b = document.createElement('tk-test-lazy');
    document.body.append(a, b);
    await within(customElements.whenDefined('tk-test-lazy'), 5_000, 'tk-test-lazy defined');
    document.body.append(document.createElement('tk-test-lazy'));
    await new Promise((r) => setTimeout(r, 20));
    expect(loads).to.equal(1);
    a.remove();
    b.remove();
  });

  it('loads at once when the tag is already in the document', async () => {
    const el = document.createElement('tk-test-present');
    document.body.append(el);
    let loads = 0;
    defineOnDemand('tk-test-present', async () => {
      loads++;
      customElements.define('tk-test-present', class extends HTMLElement {});
    });
    await within(customElements.whenDefined('tk-test-present'), 5_000, 'tk-test-present defined');
    expect(loads).to.equal(1);
    el.remove();
  });
});
