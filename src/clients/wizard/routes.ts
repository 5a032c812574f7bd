// « Ajouter un client »: one page per step, Post/Redirect/Get, drafts resumed from the list.
import { Request, Response, Router } from 'express';
import { currentUser } from '../../auth/current-user';
import type { User } from '../../auth/users-repository';
import { checkSiren, countryName } from '../../domain';
import { NotFoundError } from '../../web/errors';
import { addNotice, Notice } from '../../web/notices';
import { Answers, answerOf, copyOf, Step } from '../fields/types';
import { countrySwitchOf } from '../fields/form-view';
import type { ClientRecord, ClientsRepository } from '../repository';
import { stepOf, steps } from '../fields/steps';
import { conflictOf, renderStep } from './step-page';
import { summaryOf, tvaOf } from '../fields/summary';
import { validateStep, answersFromBody, completeAnswers } from '../fields/validation';
import { SaveAction, WizardService } from './service';
import { resumeHrefOf } from './drafts';
import { parseVersion, storableBody, storableValues } from '../../web/parse';
import { loadClient, ownClient } from '../load-client';
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

export function wizardRoutes(deps: { clients: ClientsRepository; wizard: WizardService }): Router {
  const { clients, wizard } = deps;
  const router = Router();

  router.param('id', loadClient(clients));

  function stepParam(req: Request): Step {
    const step = stepOf(Number(req.params.n));
    if (!step) throw new NotFoundError();
    return step;
  }

  async function sirenNotices(
    user: User,
    answers: Answers | undefined,
    clientId?: number,
  ): Promise<Notice[]> {
    const siren = checkSiren(answerOf(answers, 'siren'));
    if (!siren.ok) return [];
    const twins = await clients.sameSiren(user.companyId, siren.value, clientId);
    return twins.map((twin) => ({
      kind: 'warning' as const,
      text: 'Attention : vous avez déjà un client avec ce SIREN. Vous pouvez continuer si c’est voulu.',
      href: `/clients/${twin.id}`,
      linkText: `Voir « ${nameOf(twin)} »`,
    }));
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

  async function handlePost(req: Request, res: Response, client: ClientRecord | undefined, step: Step) {
    const user = currentUser(res);
    const { body, cleaned } = storableBody(req.body);
    if (cleaned) addNotice(req, { kind: 'warning', text: NUL_REMOVED });
    const action = String(body.action ?? 'continuer');
    let typed = storableValues(answersFromBody(step, body));
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
    const version = posted ?? 0;
    // « Choisir le pays Monaco »: the same page again with that Pays, everything typed kept, nothing saved.
    const switchedCountry = step.fields.some((f) => f.kind === 'country')
      ? countrySwitchOf(action)
      : undefined;
    if (switchedCountry) typed = { ...typed, country: switchedCountry };

    if (action === 'commune' || switchedCountry) {
      typed = completeAnswers(step, typed);
      const all = { ...(client?.answers ?? {}), [step.number]: typed };
      const errors = validateStep(step, typed, all).errors.filter(
        (e) => e.field === 'postalCode' || e.field === 'city',
      );
      return renderStep(req, res, {
        client,
        step,
        answers: typed,
        errors,
        version,
        notices: switchedCountry
          ? [
              {
                text: `Pays changé pour ${countryName(switchedCountry)} : vérifiez l’adresse, puis enregistrez.`,
              },
            ]
          : [],
      });
    }
    const copy = copyOf(step);
    if (action === 'adresse' && copy) {
      const source = client?.answers[copy.from] ?? {};
      for (const name of copy.names) typed[name] = answerOf(source, name);
      return renderStep(req, res, {
        client,
        step,
        answers: typed,
        version,
        notices: [{ text: 'Adresse du site principal recopiée : vérifiez-la, puis enregistrez.' }],
      });
    }

    // A replayed or double-pressed final step lands on the same confirmation, creating nothing.
    if (client && client.state !== 'draft' && body.parcours === 'creation') {
      return res.redirect(303, `/clients/${client.id}/cree`);
    }

    const saveAction: SaveAction = action === 'brouillon' ? 'draft' : 'continue';
    const outcome = await wizard.save({
      user,
      client,
      step,
      typed,
      version,
      action: saveAction,
      suggestedReference: req.session.suggestedReference,
    });
    switch (outcome.kind) {
      case 'invalid':
        return renderStep(req, res, {
          client,
          step,
          answers: typed,
          errors: outcome.errors,
          version,
          status: 400,
          notices: step.number === 1 ? await sirenNotices(user, typed, client?.id) : [],
        });
      case 'stale':
        return renderStep(req, res, {
          client: outcome.current,
          step,
          answers: typed,
          conflict: conflictOf(step, outcome.current, typed),
          version: outcome.current.version,
          status: 409,
        });
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
        if (saveAction === 'draft') {
          addNotice(req, { kind: 'success', text: DRAFT_SAVED });
          return res.redirect(303, '/clients?etat=brouillon');
        }
        if (step.number === 1)
          for (const n of await sirenNotices(user, typed, outcome.clientId)) addNotice(req, n);
        return res.redirect(303, `/clients/${outcome.clientId}/etape/${step.number + 1}`);
    }
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
    if (client.state === 'draft' && problems.length && !verify) {
      notices.push({
        kind: 'warning',
        text: `Ce brouillon n’est pas complet : ${problems.length} point${problems.length > 1 ? 's' : ''} à corriger avant l’activation.`,
      });
    }
    if (verify && problems.length) {
      notices.push({
        kind: 'warning',
        text: 'Le client n’est pas encore créé : corrigez cette étape pour l’activer.',
      });
    }
    if (step.number === 1) notices.push(...(await sirenNotices(currentUser(res), saved, client.id)));
    renderStep(req, res, {
      client,
      step,
      errors: verify ? problems : [],
      pending: verify ? [] : problems,
      notices,
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

  return router;
}
