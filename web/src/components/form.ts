import { type Child, h } from '../dom';

interface CheckboxField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
}

/** A checkbox with its label after it, as the learning forms lay them out. */
export function checkboxField(id: string, label: string, checked: boolean): CheckboxField {
  const input = h('input', { id, type: 'checkbox', checked });
  return { element: h('div', { class: 'checkbox' }, input, h('label', { for: id }, label)), input };
}

/** Whether answers follow helpful prerequisites as well as essential ones. */
export function helpfulField(id: string, checked: boolean): CheckboxField {
  return checkboxField(id, ' Include helpful prerequisites', checked);
}

/**
 * A learning form: its fields, then one submit button. Submitting moves to the address the
 * fields describe (the page's state is its URL), so the view redraws from there.
 */
export function learningForm(options: {
  label: string;
  submit: string;
  navigate: (href: string) => void;
  href: () => string;
  fields: readonly Child[];
}): HTMLFormElement {
  return h(
    'form',
    {
      class: 'plan-form',
      'aria-label': options.label,
      onsubmit: (event: Event) => {
        event.preventDefault();
        options.navigate(options.href());
      },
    },
    options.fields,
    h('button', { type: 'submit' }, options.submit),
  );
}

/** The API's words for an input it refused, where the answer would have been. */
export function problemNote(message: string): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, message);
}
