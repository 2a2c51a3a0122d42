import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_track: var(--tk-color-track, #e5e5e5);
    --_band: var(--tk-color-band, rgba(46, 132, 74, 0.2));
    --_ok: var(--tk-color-success, #2e844a);
    --_over: var(--tk-color-error, #ba0517);
    --_under: var(--tk-color-warning, #a35200);
    --_height: var(--tk-gauge-height, 0.75rem);
  }
  .label {
    display: flex;
    justify-content: space-between;
    gap: var(--tk-space-2, 0.5rem);
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='track'] {
    position: relative;
    height: var(--_height);
    margin: var(--tk-space-1, 0.25rem) 0;
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--_track);
    overflow: hidden;
  }
  [part~='band'] {
    position: absolute;
    inset-block: 0;
    background: var(--_band);
  }
  [part~='bar'] {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--_ok);
    transition: width 200ms ease-out;
  }
  .over [part~='bar'] {
    background: var(--_over);
  }
  .under [part~='bar'] {
    background: var(--_under);
  }
  [part~='target'] {
    position: absolute;
    inset-block: -2px;
    width: 2px;
    background: var(--tk-color-text, #181818);
  }
  .over .delta {
    color: var(--_over);
  }
  .under .delta {
    color: var(--_under);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--tk-space-1, 0.25rem);
  }
  [part~='stats'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-4, 1rem);
    margin: 0 0 var(--tk-space-2, 0.5rem);
  }
  [part~='stats'] dt {
    color: var(--tk-color-text-weak, #5c5c5c);
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  [part~='stats'] dd {
    margin: 0;
    font-size: var(--tk-font-size-large, 1rem);
    font-weight: 600;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='bar'] {
      transition: none;
    }
  }
`;
