import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 calc(var(--_space) * 1.5);
    font-size: 1.14em;
    font-weight: 600;
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  input {
    flex: 1 1 10em;
    min-width: 0;
    min-height: calc(32px * var(--_density));
    padding: 0 var(--_space);
    font: inherit;
    font-variant-numeric: tabular-nums;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint,
  .field-error {
    margin: 0;
    font-size: 0.93em;
  }
  .field-error {
    color: var(--_danger);
  }
  .outcome:not(:empty) {
    margin-top: calc(var(--_space) * 2);
  }
  .state.not-found {
    border-color: var(--_warning);
  }
  .state.not-found .title {
    color: var(--_text);
  }
  .result {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .result.pending {
    border-left-color: var(--_warning);
  }
  .result.revoked {
    border-left-color: var(--_danger);
  }
  .result.expired {
    border-left-color: var(--_text-secondary);
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_space);
  }
  h3 {
    margin: 0;
    font-size: 1.07em;
    font-weight: 600;
  }
  .note {
    margin: 0;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: var(--_space);
    margin: 0;
  }
  dt {
    color: var(--_text-secondary);
    font-size: 0.93em;
  }
  dd {
    margin: 0;
  }
`;
