// Fills a form the way a person does, field by field, whatever the kind of field: text, select,
// radio buttons or checkboxes (checkboxes: exactly the values given are ticked).
import type { Locator, Page } from 'playwright-core';

export async function fillForm(
  scope: Page | Locator,
  fields: Record<string, string | string[]>,
): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const controls = scope.locator(`[name="${name}"]:not([type=hidden])`);
    if ((await controls.count()) === 0) throw new Error(`aucun champ « ${name} » dans le formulaire`);
    const kind = await controls.first().evaluate((el) => {
      const e = el as unknown as { tagName: string; type?: string };
      return e.tagName === 'INPUT' ? (e.type ?? 'text') : e.tagName.toLowerCase();
    });
    const values = Array.isArray(value) ? value : [value];
    if (kind === 'radio') {
      await controls.and(scope.locator(`[value="${values[0]}"]`)).check();
    } else if (kind === 'checkbox') {
      for (const box of await controls.all()) {
        const wanted = values.includes((await box.getAttribute('value')) ?? '');
        await box.setChecked(wanted);
      }
    } else if (kind === 'select') {
      await controls.first().selectOption(values);
    } else {
      await controls.first().fill(values[0] ?? '');
    }
  }
}
