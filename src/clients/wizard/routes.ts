// « Ajouter un client »: one page per step, Post/Redirect/Get, drafts resumed from the list.
import { Request, Response, Router } from 'express';
import { currentUser } from '../../auth/current-user';
import type { User } from '../../auth/users-repository';
import { checkSiren, countryName } from '../../domain';
import { NotFoundError } from '../../web/errors';
import { addNotice, Notice } from '../../web/notices';
import { Answers, answerOf, copyOf, Step } from '../fields/types';
import { countrySwitchOf } from '../fields/form-view';
import { NAMED_TWINS, type ClientRecord, type ClientsRepository } from '../repository';
import { SIREN, stepOf, steps } from '../fields/steps';
import { conflictOf, renderStep } from './step-page';
import { summaryOf, tvaOf } from '../fields/summary';
import { validateStep, answersFromBody, completeAnswers } from '../fields/validation';
import { SaveAction, SaveOutcome, WizardService } from './service';
import { communeSearchNotice } from './commune-search';
import { Destination, destinationOf, isUnchanged } from './navigation';
import { resumeHrefOf } from './drafts';
import { formOf, parseVersion, storableBody, storableValues } from '../../web/parse';
import { ownClient } from '../load-client';
import { nameOf } from '../model';

declare module 'express-session' {
  interface SessionData {
    /** The reference « + » last offered: while the field still holds it, the next free one may replace it. */
    suggestedReference: string;
  }
}

const NUL_REMOVED =
  'Des caractères nuls (invisibles, venus d’un copier-coller) ont été retirés de ce que vous avez saisi : vérifiez le texte.';
const DRAFT_SAVED = 'Brouillon enregistré. Retrouvez votre client à l’aide des filtres, état « brouillon ».';

export function wizardRoutes(
  router: Router,
  deps: { clients: ClientsRepository; wizard: WizardService },
): void {
  const { clients, wizard } = deps;

  function stepParam(req: Request): Step {
    const step = stepOf(Number(req.params.n));
    if (!step) throw new NotFoundError();
    return step;
  }

  /** On the SIREN's step: a warning when other customers of the partner have the same SIREN. */
  async function sirenNotices(
    user: User,
    step: Step,
    answers: Answers | undefined,
    clientId?: number,
  ): Promise<Notice[]> {
    if (step.number !== SIREN.step) return [];
    const siren = checkSiren(answerOf(answers, SIREN.field));
    if (!siren.ok) return [];
    const twins = await clients.sameSiren(user.companyId, siren.value, clientId);
    if (!twins.length) return [];
    const how =
      twins.length === 1
        ? 'un client'
        : twins.length > NAMED_TWINS
          ? `plus de ${NAMED_TWINS} clients`
          : `${twins.length} clients`;
    return [
      {
        kind: 'warning',
        text: `Attention : vous avez déjà ${how} avec ce SIREN. Vous pouvez continuer si c’est voulu.`,
        links: twins.slice(0, NAMED_TWINS).map((twin) => ({
          href: `/clients/${twin.id}`,
          text: `Voir « ${nameOf(twin)} »`,
        })),
      },
    ];
  }

  router.get('/clients/nouveau', async (req, res) => {
    const user = currentUser(res);
    const currentId = req.session.currentDraftId;
    if (currentId && req.query.nouveau !== '1') {
      const draft = await clients.find(currentId, { companyId: user.companyId });
      if (draft?.state === 'draft') {
        return res.render('pages/clients/resume-or-new', {
          title: 'Ajouter un client',
          draft,
          resumeHref: resumeHrefOf(draft),
        });
      }
    }
    const reference = await wizard.suggestReference(user.companyId);
    req.session.suggestedReference = reference;
    renderStep(req, res, { step: steps[0]!, answers: { reference }, version: 0 });
  });

  /** One posted step form: who posts it, on which customer and step, and what was typed. */
  type Post = {
    req: Request;
    res: Response;
    user: User;
    client: ClientRecord | undefined;
    step: Step;
    typed: Answers;
    version: number;
  };

  const onForm = (p: Post) => ({ client: p.client, step: p.step, version: p.version });

  /** « Rechercher la commune »: the same page with the commune filled in or offered, saving nothing. */
  function searchCommune(p: Post) {
    const answers = completeAnswers(p.step, p.typed);
    renderStep(p.req, p.res, {
      ...onForm(p),
      answers,
      notices: [communeSearchNotice(answers)],
    });
  }

  /** « Choisir le pays Monaco »: the same page again with that Pays, everything typed kept, nothing saved. */
  function switchCountry(p: Post, country: string) {
    const answers = completeAnswers(p.step, { ...p.typed, country });
    renderStep(p.req, p.res, {
      ...onForm(p),
      answers,
      notices: [{ text: `Pays changé pour ${countryName(country)} : vérifiez l’adresse, puis enregistrez.` }],
    });
  }

  /** « Remplir à partir de l'adresse du site principal »: copied into the form, saving nothing. */
  function copyAddress(p: Post, copy: NonNullable<ReturnType<typeof copyOf>>) {
    const source = p.client?.answers[copy.from] ?? {};
    const answers = { ...p.typed };
    for (const name of copy.names) answers[name] = answerOf(source, name);
    renderStep(p.req, p.res, {
      ...onForm(p),
      answers,
      notices: [{ text: 'Adresse du site principal recopiée : vérifiez-la, puis enregistrez.' }],
    });
  }

  /** The page again after a save that did not go through: errors (400) or a newer version (409). */
  async function refused(p: Post, outcome: Extract<SaveOutcome, { kind: 'invalid' | 'stale' }>) {
    if (outcome.kind === 'invalid') {
      return renderStep(p.req, p.res, {
        ...onForm(p),
        answers: p.typed,
        errors: outcome.errors,
        status: 400,
        notices: await sirenNotices(p.user, p.step, p.typed, p.client?.id),
      });
    }
    renderStep(p.req, p.res, {
      ...onForm(p),
      client: outcome.current,
      answers: p.typed,
      conflict: conflictOf(p.step, outcome.current, p.typed),
      version: outcome.current.version,
      status: 409,
    });
  }

  /**
   * The back link and the stepper: buttons of the step's form, so that leaving a step never loses
   * typing. What was typed is saved as a draft (never blocked), unless nothing differs from what is
   * stored, then the browser goes where the button points.
   */
  async function leave(p: Post, to: Destination) {
    const { req, res, client, step } = p;
    const href = (id: number | undefined) =>
      to.kind === 'step' && id ? `/clients/${id}/etape/${to.number}` : '/clients';
    // An existing customer's edit page has no stepper: its « Retour » discards, as « Annuler » does.
    if (client && client.state !== 'draft') return res.redirect(303, `/clients/${client.id}`);
    // A new step 1 showed the suggested reference besides its defaults.
    const shown: Answers = client ? {} : { reference: await wizard.suggestReference(p.user.companyId) };
    if (isUnchanged(step, p.typed, client?.answers ?? {}, shown)) {
      return res.redirect(303, href(client?.id));
    }
    const outcome = await wizard.save({
      ...p,
      action: 'draft',
      suggestedReference: req.session.suggestedReference,
    });
    if (outcome.kind === 'invalid' || outcome.kind === 'stale') return refused(p, outcome);
    if (outcome.kind !== 'saved') return res.redirect(303, `/clients/${outcome.clientId}`);
    if (outcome.notice) addNotice(req, { kind: 'warning', text: outcome.notice });
    req.session.currentDraftId = outcome.clientId;
    addNotice(req, {
      kind: 'success',
      text: to.kind === 'list' ? DRAFT_SAVED : `Étape ${step.number} enregistrée dans le brouillon.`,
    });
    res.redirect(303, href(outcome.clientId));
  }

  /** « Enregistrer et continuer » (or « Enregistrer » on an edit page) and « Enregistrer en brouillon ». */
  async function save(p: Post, action: SaveAction) {
    const { req, res, client, step, user } = p;
    const outcome = await wizard.save({ ...p, action, suggestedReference: req.session.suggestedReference });
    switch (outcome.kind) {
      case 'invalid':
      case 'stale':
        return refused(p, outcome);
      case 'incomplete':
        req.session.currentDraftId = outcome.clientId;
        return res.redirect(303, `/clients/${outcome.clientId}/etape/${outcome.step}?verifier=1`);
      case 'activated':
        delete req.session.currentDraftId;
        return res.redirect(303, `/clients/${outcome.clientId}/cree`);
      case 'saved':
        if (outcome.notice) addNotice(req, { kind: 'warning', text: outcome.notice });
        if (client && client.state !== 'draft') {
          addNotice(req, { kind: 'success', text: 'Modifications enregistrées.' });
          return res.redirect(303, `/clients/${outcome.clientId}`);
        }
        req.session.currentDraftId = outcome.clientId;
        if (action === 'draft') {
          addNotice(req, { kind: 'success', text: DRAFT_SAVED });
          return res.redirect(303, '/clients?etat=brouillon');
        }
        for (const n of await sirenNotices(user, step, p.typed, outcome.clientId)) addNotice(req, n);
        return res.redirect(303, `/clients/${outcome.clientId}/etape/${step.number + 1}`);
    }
  }

  async function handlePost(req: Request, res: Response, client: ClientRecord | undefined, step: Step) {
    const { body, cleaned } = storableBody(formOf(req));
    if (cleaned) addNotice(req, { kind: 'warning', text: NUL_REMOVED });
    const action = String(body.action || 'continuer');
    const typed = storableValues(answersFromBody(step, body));
    const posted = parseVersion(body.version);
    // A version that is no whole number never came from our form: show both versions, as a
    // refused save does, keeping everything typed (400: the request itself was wrong).
    if (client && posted === undefined) {
      return renderStep(req, res, {
        client,
        step,
        answers: typed,
        conflict: conflictOf(step, client, typed),
        version: client.version,
        status: 400,
      });
    }
    const p: Post = { req, res, user: currentUser(res), client, step, typed, version: posted ?? 0 };
    if (action === 'commune') return searchCommune(p);
    const country = step.fields.some((f) => f.kind === 'country') ? countrySwitchOf(action) : undefined;
    if (country) return switchCountry(p, country);
    const copy = copyOf(step);
    if (action === 'adresse' && copy) return copyAddress(p, copy);
    // A replayed or double-pressed final step lands on the same confirmation, creating nothing.
    if (client && client.state !== 'draft' && body.parcours === 'creation') {
      return res.redirect(303, `/clients/${client.id}/cree`);
    }
    const destination = destinationOf(action, step);
    if (destination) return leave(p, destination);
    return save(p, action === 'brouillon' ? 'draft' : 'continue');
  }

  router.post('/clients/nouveau', (req, res) => handlePost(req, res, undefined, steps[0]!));

  router.get('/clients/:id/etape/:n', async (req, res) => {
    const client = ownClient(res);
    const step = stepParam(req);
    if (client.state === 'draft' && step.number > client.reachedStep) {
      return res.redirect(`/clients/${client.id}/etape/${client.reachedStep}`);
    }
    const saved = client.answers[step.number];
    const problems = saved ? validateStep(step, saved, client.answers).errors : [];
    const verify = req.query.verifier === '1';
    const notices: Notice[] = [];
    if (verify && problems.length) {
      notices.push({
        kind: 'warning',
        text: 'Le client n’est pas encore créé : corrigez cette étape pour l’activer.',
      });
    }
    notices.push(...(await sirenNotices(currentUser(res), step, saved, client.id)));
    renderStep(req, res, {
      client,
      step,
      errors: verify ? problems : [],
      pending: verify ? [] : problems,
      notices,
      draftStatus: !verify,
    });
  });

  router.post('/clients/:id/etape/:n', async (req, res) => {
    const client = ownClient(res);
    await handlePost(req, res, client, stepParam(req));
  });

  router.get('/clients/:id/cree', async (req, res) => {
    const client = ownClient(res);
    if (client.state === 'draft') return res.redirect(`/clients/${client.id}/etape/${client.reachedStep}`);
    res.render('pages/clients/created', {
      title: 'Votre client est créé',
      client,
      tva: tvaOf(client.answers),
      sections: summaryOf(client.id, client.answers),
    });
  });
}
