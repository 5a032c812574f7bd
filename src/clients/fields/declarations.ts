// What the declarations say of each other, checked once when steps.ts loads: a field its kind
// reads another answer through (dependsOn), a prefill, a condition, a copied group must name
// fields that exist, so that a renamed field fails at startup rather than reading '' forever.
import { kindOf } from './kinds';
import type { FieldRef, Step } from './types';

/** The problems of a set of steps' declarations, for the developer who wrote them; empty when sound. */
export function declarationProblems(steps: readonly Step[]): string[] {
  const problems: string[] = [];
  const exists = (ref: FieldRef) =>
    steps.find((s) => s.number === ref.step)?.fields.some((f) => f.name === ref.field) ?? false;
  for (const step of steps) {
    const where = (name: string) => `step ${step.number}, field ${name}`;
    const names = new Set<string>();
    for (const field of step.fields) {
      if (names.has(field.name)) problems.push(`${where(field.name)}: declared twice`);
      names.add(field.name);
      const needs = kindOf(field).needs;
      const declared = Object.keys(field.dependsOn ?? {});
      for (const need of needs) {
        if (!declared.includes(need)) {
          problems.push(
            `${where(field.name)}: its kind ${field.kind} reads « ${need} »: declare it in dependsOn`,
          );
        }
      }
      for (const [need, ref] of Object.entries(field.dependsOn ?? {})) {
        if (!needs.includes(need)) {
          problems.push(
            `${where(field.name)}: dependsOn.${need}, which its kind ${field.kind} does not read`,
          );
        }
        if (!exists(ref)) {
          problems.push(
            `${where(field.name)}: dependsOn.${need} names step ${ref.step}'s ${ref.field}, which does not exist`,
          );
        }
      }
      if (field.prefillFrom && !exists(field.prefillFrom)) {
        problems.push(`${where(field.name)}: prefillFrom names a field that does not exist`);
      }
      for (const condition of [field.required, field.onlyWhen]) {
        if (typeof condition === 'object' && !step.fields.some((f) => f.name === condition.field)) {
          problems.push(
            `${where(field.name)}: its condition reads ${condition.field}, not a field of its step`,
          );
        }
      }
      if (field.group && !step.groups?.some((g) => g.id === field.group)) {
        problems.push(`${where(field.name)}: group ${field.group} is not one of its step's groups`);
      }
    }
    for (const group of step.groups ?? []) {
      const copy = group.copyFrom;
      if (!copy) continue;
      const from = steps.find((s) => s.number === copy.step);
      const names = (s: Step | undefined, id: string) =>
        (s?.fields ?? []).filter((f) => f.group === id).map((f) => f.name);
      if (names(from, copy.group).join() !== names(step, group.id).join()) {
        problems.push(
          `step ${step.number}, group ${group.id}: copyFrom step ${copy.step}'s ${copy.group}, whose fields differ`,
        );
      }
    }
  }
  return problems;
}

/** Throws, naming every problem, when the declarations do not hold together. */
export function assertDeclarations(steps: readonly Step[]): void {
  const problems = declarationProblems(steps);
  if (problems.length) throw new Error(`Field declarations:\n- ${problems.join('\n- ')}`);
}
