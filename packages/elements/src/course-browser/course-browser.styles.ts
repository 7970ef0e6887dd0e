import { css } from 'lit';

export const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.14em;
    font-weight: 600;
  }
  .toolbar,
  .facets {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
  }
  .search {
    flex: 1 1 16em;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: calc(32px * var(--_density));
    padding: 0 var(--_space);
  }
  input {
    width: 100%;
  }
  input:hover,
  select:hover {
    border-color: var(--_primary);
  }
  .field {
    display: grid;
    gap: 2px;
    font-size: 0.93em;
    color: var(--_text-secondary);
  }
  .field select {
    width: 100%;
    max-width: 16em;
  }
  .facets .field {
    flex: 1 1 8em;
    max-width: 16em;
  }
  .summary {
    margin: 0;
  }
  .grid {
    height: var(--cb-course-browser-height, 480px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overscroll-behavior: contain;
  }
  .grid:focus-visible {
    outline-offset: -2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    width: 100%;
    min-height: 64px;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_bg);
    cursor: pointer;
  }
  .row:hover {
    background: var(--_bg-muted);
  }
  .row[aria-selected='true'] {
    background: var(--_bg-muted);
    box-shadow: inset 3px 0 0 var(--_primary);
  }
  .row:focus-visible,
  .row [role='gridcell']:focus-visible,
  .row .btn:focus-visible {
    outline-offset: -2px;
  }
  .info {
    flex: 1 1 12em;
    min-width: 0;
    display: grid;
    gap: 2px;
  }
  .course-title {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    font-size: 0.93em;
  }
  /* the separator ends the item before it: a wrapped line never starts with one */
  .meta > span:not(:last-child)::after {
    content: '·';
    margin-left: var(--_space);
  }
  .action {
    display: flex;
    align-items: center;
    gap: var(--_space);
    flex: none;
    margin-left: auto;
  }
  .fee {
    font-weight: 600;
    min-width: 5em;
    text-align: right;
  }
  .loading-row {
    cursor: default;
    justify-content: center;
  }
  .more-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_danger);
  }
`;
