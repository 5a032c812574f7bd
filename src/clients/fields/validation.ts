// One joi schema per step, derived from the field declarations, with French messages.
import Joi from 'joi';
import { communesForPostalCode, isFrenchPostalArea, normalisePostalCode } from '../../domain';
import { checkValue, communeChoices, KindContext, kindOf, maxLengthOf, needsOf } from './kinds';
import { AllAnswers, Answers, answerOf, Condition, Field, FieldError, Step } from './types';

export type StepResult = {
  errors: FieldError[];
  /** The checked value of each field that passed (null when empty or failing). */
  values: Record<string, unknown>;
  /** What to keep: checked values in their tidy form, everything else exactly as typed. */
  answers: Answers;
};

const CHOICE_KINDS = new Set(['select', 'radio', 'yesno', 'country', 'checkboxes']);
const FREE_TEXT_KINDS = new Set(['text', 'textarea', 'streetNumber', 'commune']);
/** What a draft keeps of one answer at most: far above any field's limit, so nothing typed is lost. */
export const MAX_ANSWER_LENGTH = 2000;
/** The communes a message names when a postal code has several. */
const SHOWN_COMMUNES = 3;

/** The message for a required field left empty; its example may depend on the answers (a phone's territory). */
export function requiredMessage(field: Field, ctx: KindContext = { answers: {}, all: {} }): string {
  if (CHOICE_KINDS.has(field.kind)) return `Choisissez une réponse pour « ${field.label} »`;
  if (field.kind === 'commune') {
    // A postal code shared by several communes: name them, not an example from another département.
    const choices = communeChoices(field, ctx.all);
    if (choices.length > 1) {
      const named = choices.slice(0, SHOWN_COMMUNES).map((c) => c.name);
      const more = choices.length > SHOWN_COMMUNES ? '…' : '';
      return `Choisissez la commune parmi les ${choices.length} du code postal ${normalisePostalCode(needsOf(field, ctx.all).postalCode ?? '')} : ${named.join(', ')}${more}`;
    }
  }
  if (FREE_TEXT_KINDS.has(field.kind)) {
    return `Renseignez « ${field.label} »${field.example ? `, par exemple ${field.example}` : ''}`;
  }
  // Empty is not invalid: say what to fill in, not that the address is wrong.
  if (field.kind === 'email') return `Renseignez « ${field.label} », par exemple nom@entreprise.fr`;
  const empty = kindOf(field).check('', field, ctx);
  return empty.ok ? `Renseignez « ${field.label} »` : empty.message.replace(/'/g, '’');
}

const conditionHolds = (c: Condition, answers: Answers) => answerOf(answers, c.field).trim() === c.is;

function checkedSchema(field: Field, required: boolean): Joi.Schema {
  const rule = (value: unknown, helpers: Joi.CustomHelpers) => {
    const ctx = helpers.prefs.context as { answers: Answers; all: AllAnswers };
    const values = Array.isArray(value) ? value : [value];
    const checked = values.map((v) => checkValue(String(v), field, ctx));
    const failed = checked.find((c) => !c.ok);
    // Shown as the labels are written: with the typographic apostrophe (src/domain writes ').
    if (failed && !failed.ok) return helpers.message({ custom: failed.message.replace(/'/g, '’') });
    const results = checked.map((c) => (c.ok ? c.value : undefined));
    return Array.isArray(value) ? results : results[0];
  };
  if (field.kind === 'checkboxes') {
    return Joi.array().items(Joi.string()).single().default([]).custom(rule);
  }
  const max = maxLengthOf(field);
  // The message on the rule, not in the schema's preferences (.messages()): joi merges and compiles
  // a schema's preferences again at every validation, which was a seventh of validateStep's time.
  const base = Joi.string().trim().max(max).message(`« ${field.label} » : ${max} caractères au maximum`);
  // A required field left empty gets its message from validateStep, which knows the answers.
  return required ? base.required().custom(rule) : base.allow('').custom(rule);
}

/**
 * A condition reads the other field as typed (from the context), not as joi converted it: a yes/no
 * field becomes a boolean once checked, and would no longer equal 'non'.
 */
const typedAnswer = (c: Condition) => Joi.ref(`$answers.${c.field}`);

function fieldSchema(field: Field): Joi.Schema {
  const { required, onlyWhen } = field;
  const whenRequired = (c: Condition) =>
    Joi.when(typedAnswer(c), {
      is: c.is,
      then: checkedSchema(field, true),
      otherwise: checkedSchema(field, false),
    });
  const active =
    required && typeof required === 'object' ? whenRequired(required) : checkedSchema(field, !!required);
  if (!onlyWhen) return active;
  const inactive =
    onlyWhen.otherwise === 'empty'
      ? Joi.string().trim().valid('').messages({ 'any.only': onlyWhen.message })
      : Joi.string().trim().allow('').max(MAX_ANSWER_LENGTH);
  return Joi.when(typedAnswer(onlyWhen), { is: onlyWhen.is, then: active, otherwise: inactive });
}

const schemas = new WeakMap<Step, Joi.ObjectSchema>();
function schemaOf(step: Step): Joi.ObjectSchema {
  let schema = schemas.get(step);
  if (!schema) {
    const keys = Object.fromEntries(
      step.fields.filter((f) => f.kind !== 'fixed').map((f) => [f.name, fieldSchema(f)]),
    );
    schema = Joi.object(keys).prefs({ abortEarly: false, stripUnknown: true });
    schemas.set(step, schema);
  }
  return schema;
}

/** The step's answers from a posted form: only its own fields, each bounded in length. */
export function answersFromBody(step: Step, body: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const field of step.fields) {
    if (field.kind === 'fixed') continue;
    const raw = body[field.name];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) =>
      String(v).slice(0, MAX_ANSWER_LENGTH),
    );
    if (field.kind === 'checkboxes') answers[field.name] = list;
    else answers[field.name] = list[0] ?? '';
  }
  return answers;
}

/** A commune is filled in when the postal code has only one (no JavaScript needed). */
export function completeAnswers(step: Step, answers: Answers): Answers {
  const commune = step.fields.find((f) => f.kind === 'commune');
  if (!commune || answerOf(answers, commune.name).trim() !== '') return answers;
  const country = answerOf(answers, 'country') || 'FR';
  if (!isFrenchPostalArea(country)) return answers;
  const communes = communesForPostalCode(normalisePostalCode(answerOf(answers, 'postalCode')));
  return communes.length === 1 && communes[0] ? { ...answers, [commune.name]: communes[0].name } : answers;
}

export function validateStep(step: Step, typed: Answers, all: AllAnswers): StepResult {
  const answers = completeAnswers(step, typed);
  const context = { answers, all: { ...all, [step.number]: answers } };
  const result = schemaOf(step).validate(answers, { context });
  const { error } = result;
  // Joi types it any: it is the answers' object, each field that passed converted by its schema.
  const value = result.value as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const detail of error?.details ?? []) {
    const name = String(detail.path[0]);
    const field = step.fields.find((f) => f.name === name);
    // The schema is built once, so its required messages know no answers: this one knows the address.
    const empty = detail.type === 'any.required' || detail.type === 'string.empty';
    const message = field && empty ? requiredMessage(field, context) : detail.message;
    if (!errors.some((e) => e.field === name)) errors.push({ field: name, message });
  }
  const failed = new Set(errors.map((e) => e.field));
  // One bad postal code is one error: the commune, which depends on it, is not reported as well.
  const postalFailed = step.fields.some((f) => f.kind === 'postalCode' && failed.has(f.name));
  const reported = postalFailed
    ? errors.filter((e) => step.fields.find((f) => f.name === e.field)?.kind !== 'commune')
    : errors;
  const values: Record<string, unknown> = {};
  const kept: Answers = { ...answers };
  for (const field of step.fields) {
    if (field.kind === 'fixed') continue;
    const checked = failed.has(field.name) ? undefined : value[field.name];
    const empty = checked === undefined || checked === '' || (Array.isArray(checked) && checked.length === 0);
    if (empty) {
      values[field.name] = field.kind === 'checkboxes' ? [] : null;
    } else if (field.onlyWhen && !conditionHolds(field.onlyWhen, answers)) {
      // Typed for a case that does not need it (an IBAN with « Chèque »): kept as typed in the
      // answers, stored only if it happens to be valid, never reported.
      const quiet = checkValue(String(checked), field, context);
      values[field.name] = quiet.ok ? quiet.value : null;
    } else {
      values[field.name] = checked;
      const kind = kindOf(field);
      kept[field.name] = kind.toAnswer(checked, field);
    }
  }
  return { errors: reported, values, answers: kept };
}
