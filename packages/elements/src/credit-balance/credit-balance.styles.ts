import { css } from 'lit';

export const styles = css`
  .total {
    display: flex;
    align-items: baseline;
    gap: calc(var(--_space) / 2);
  }
  .total .value {
    font-size: 2.3em;
    font-weight: 600;
    line-height: 1.2;
    color: var(--_primary);
  }
  .stats {
    grid-template-columns: repeat(auto-fit, minmax(8em, 1fr));
  }
  .points {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .points .row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .outcomes {
    display: flex;
    gap: var(--_space);
    flex-wrap: wrap;
    align-items: center;
  }
  h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
    font-weight: 600;
  }
  /* the rows share their columns (subgrid): amounts and dates line up from row to row */
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  li {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    align-items: baseline;
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  .amount .num {
    display: inline-block;
    min-width: 3em;
    text-align: right;
  }
  li:last-child {
    border-bottom: 0;
  }
  /* a rule's name or id, the amount and the date never break inside */
  .rule,
  .amount {
    white-space: nowrap;
  }
  .rule {
    display: inline-block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    vertical-align: bottom;
  }
  .plus {
    color: var(--_success);
  }
  .minus {
    color: var(--_danger);
  }
  .compact {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_space);
    flex-wrap: wrap;
  }
  .compact .value {
    font-weight: 600;
    color: var(--_primary);
    font-size: 1.3em;
  }
`;
