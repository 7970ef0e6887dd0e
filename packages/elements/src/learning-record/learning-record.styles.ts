import { css } from 'lit';

export const styles = css`
  .filters {
    display: flex;
    gap: calc(var(--_space) * 2);
    flex-wrap: wrap;
  }
  .filters label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: calc(32px * var(--_density));
    min-width: 0;
    padding: 0 var(--_space);
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .years {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
    font-weight: 600;
    color: var(--_text-secondary);
  }
  .entries {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    border-left: 2px solid var(--_border);
    margin-left: calc(var(--_space) / 2);
    padding-left: calc(var(--_space) * 2);
  }
  .entry {
    position: relative;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .entry::before {
    content: '';
    position: absolute;
    left: calc(var(--_space) * -2 - 6px);
    top: 0.45em;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_bg);
    border: 2px solid var(--_primary);
  }
  .entry.revoked::before {
    border-color: var(--_danger);
  }
  .entry.pending::before {
    border-color: var(--_warning);
  }
  .entry.expired::before,
  .entry.future::before {
    border-color: var(--_text-secondary);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_space);
  }
  h4 {
    flex: 1 1 10em;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  h4 button {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    font-weight: inherit;
    color: var(--_text);
    border-radius: 2px;
  }
  h4 button:hover {
    color: var(--_primary);
    text-decoration: underline;
  }
  p {
    margin: 0;
  }
  time {
    white-space: nowrap;
  }
  .revoked-note {
    color: var(--_danger);
  }
  .evidence,
  .evidence ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .evidence {
    font-size: 0.93em;
  }
  /* the text colour, underlined: the primary colour is below 4.5:1 for small text */
  a {
    color: var(--_text);
    text-decoration: underline;
  }
  a:hover {
    color: var(--_primary);
  }
`;
