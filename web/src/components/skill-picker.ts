import { h } from '../dom';

export interface SkillPicker {
  readonly element: HTMLElement;
  /** The chosen slugs, in the order chosen. */
  values(): string[];
}

/**
 * A labelled text box with suggestions (a datalist of every skill name) and the chosen skills as
 * removable chips. Typing a name or slug and pressing Enter, or picking a suggestion, adds it.
 */
export function skillPicker(options: {
  id: string;
  label: string;
  hint: string;
  initial: readonly string[];
  catalogue: ReadonlyMap<string, string>;
}): SkillPicker {
  const { id, catalogue } = options;
  const chosen: string[] = [...options.initial];
  const bySlugOrName = new Map<string, string>();
  for (const [slug, name] of catalogue) {
    bySlugOrName.set(slug.toLowerCase(), slug);
    bySlugOrName.set(name.toLowerCase(), slug);
  }
  const chips = h('ul', { class: 'chips', 'aria-label': options.label });
  const message = h('p', { class: 'picker-message', 'aria-live': 'polite' });
  const input = h('input', {
    id,
    type: 'text',
    list: `${id}-names`,
    autocomplete: 'off',
    'aria-describedby': `${id}-hint`,
    'data-focus-key': id,
  });

  const drawChips = () =>
    chips.replaceChildren(
      ...chosen.map((slug) =>
        h(
          'li',
          { class: 'chip', 'data-chip': slug },
          catalogue.get(slug) ?? slug,
          h(
            'button',
            {
              type: 'button',
              'aria-label': `Remove ${catalogue.get(slug) ?? slug}`,
              onclick: () => {
                chosen.splice(chosen.indexOf(slug), 1);
                drawChips();
                input.focus();
              },
            },
            '×',
          ),
        ),
      ),
    );
  const add = (): boolean => {
    const text = input.value.trim();
    if (text === '') return false;
    const slug = bySlugOrName.get(text.toLowerCase());
    if (slug === undefined) {
      message.replaceChildren(`No skill is called “${text}”.`);
      return true;
    }
    if (!chosen.includes(slug)) chosen.push(slug);
    input.value = '';
    message.replaceChildren();
    drawChips();
    return true;
  };
  input.addEventListener('keydown', (event) => {
    // Enter adds the typed skill; on an empty box it submits the form as usual.
    if (event.key === 'Enter' && add()) event.preventDefault();
  });
  // Choosing a suggestion fills the box with a whole name: add it at once.
  // (Typing a name that happens to be complete, "Caching" on the way to "Caching strategies",
  // must not add it: only a replacement, as a picked suggestion is, counts.)
  input.addEventListener('input', (event) => {
    const picked = !(event instanceof InputEvent) || event.inputType === 'insertReplacementText';
    if (picked && catalogueHasName(catalogue, input.value.trim())) add();
  });
  drawChips();

  const datalist = h(
    'datalist',
    { id: `${id}-names` },
    [...catalogue]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([slug, name]) => h('option', { value: name, 'data-slug': slug })),
  );
  return {
    element: h(
      'div',
      { class: 'picker' },
      h('label', { for: id }, options.label),
      chips,
      input,
      datalist,
      h('p', { id: `${id}-hint`, class: 'muted small' }, options.hint),
      message,
    ),
    values: () => {
      add();
      return [...chosen];
    },
  };
}

function catalogueHasName(catalogue: ReadonlyMap<string, string>, text: string): boolean {
  for (const name of catalogue.values()) if (name === text) return true;
  return false;
}

/** The "Skills you already know" picker that every learning form starts from. */
export function knownSkillsField(
  initial: readonly string[],
  catalogue: ReadonlyMap<string, string>,
  hint = 'Type a name and press Enter, or pick a suggestion.',
): SkillPicker {
  return skillPicker({ id: 'known', label: 'Skills you already know', hint, initial, catalogue });
}
