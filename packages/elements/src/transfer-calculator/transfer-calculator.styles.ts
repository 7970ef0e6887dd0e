import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1em;
    font-weight: 600;
  }
  h4 {
    margin: var(--_space) 0 calc(var(--_space) / 2);
    font-size: 0.93em;
    font-weight: 600;
  }
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  @container (min-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr);
      align-items: start;
    }
  }
  .column {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .program {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  label {
    font-weight: 500;
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: calc(32px * var(--_density));
    padding: 0 var(--_space);
    min-width: 0;
  }
  select:focus-visible,
  input:focus-visible {
    border-color: var(--_primary);
  }
  .program select {
    flex: 1 1 16em;
    max-width: 100%;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .outcomes li,
  .whatifs li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  .outcomes li:last-child,
  .whatifs li:last-child {
    border-bottom: 0;
  }
  .label {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .badges {
    display: inline-flex;
    gap: calc(var(--_space) / 2);
    flex-wrap: wrap;
    flex: none;
  }
  fieldset {
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  legend {
    padding: 0 calc(var(--_space) / 2);
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .row .field {
    flex: 1 1 8em;
    min-width: 0;
  }
  .row .field.wide {
    flex: 3 1 14em;
  }
  .forms {
    display: grid;
    gap: var(--_space);
  }
  /* coloured text of the shared badges is below 4.5:1 on the card: colour the border instead */
  .badge.success,
  .badge.warning,
  .badge.danger {
    color: var(--_text);
  }
  .badge.success {
    border-color: var(--_success);
  }
  .badge.warning {
    border-color: var(--_warning);
  }
  .badge.danger {
    border-color: var(--_danger);
  }
  /* the primary colour moved towards the text colour: 4.5:1 with the primary text in both themes */
  .btn.primary {
    background: color-mix(in srgb, var(--_primary) 80%, var(--_text));
    border-color: transparent;
  }
  .btn.small {
    min-height: calc(24px * var(--_density));
    padding: 0 var(--_space);
  }
  .btn[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .stats {
    grid-template-columns: repeat(auto-fit, minmax(7em, 1fr));
  }
  .stats .transferred {
    box-shadow: inset 3px 0 0 var(--_primary);
  }
  .cap {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .cap .row {
    justify-content: space-between;
    align-items: baseline;
  }
  .grants li {
    display: grid;
    gap: calc(var(--_space) / 4);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .grants .head {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    align-items: baseline;
  }
  .grants .credits {
    font-weight: 600;
    flex: none;
  }
  .checklist li {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
  }
  .ok {
    color: var(--_success);
  }
  .missing {
    color: var(--_warning);
  }
  .savings .amount {
    font-size: 1.6em;
    font-weight: 700;
    color: var(--_success);
    margin-right: var(--_space);
  }
  details {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  summary {
    min-height: 24px;
    cursor: pointer;
    font-weight: 600;
  }
  summary .muted {
    font-weight: normal;
  }
  .steps li {
    padding-left: calc(var(--_space) * 1.5);
    position: relative;
  }
  .steps li::before {
    content: '•';
    position: absolute;
    left: 0;
    color: var(--_text-secondary);
  }
  .apply {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .note {
    margin: 0;
  }
  .problem {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .problem p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  .problem .title {
    font-weight: 600;
    color: var(--_danger);
  }
  .problem ul {
    margin-bottom: var(--_space);
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.93em;
  }
  .result {
    width: 100%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_success);
    border-radius: var(--_radius);
  }
  .result p {
    margin: 0 0 var(--_space);
  }
  .result li {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  .rule-id {
    white-space: nowrap;
  }
`;
