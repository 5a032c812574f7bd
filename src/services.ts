// Wires repositories into services by hand: data access → services → createApp(services).
import { signInService } from './auth/sign-in-service';
import { usersRepository } from './auth/users-repository';
import { clientListRepository } from './clients/list/repository';
import { lifecycleService } from './clients/customer/lifecycle';
import { clientsRepository } from './clients/repository';
import { wizardService } from './clients/wizard/service';
import type { Config } from './config';
import type { Db } from './db/connect';
import { importsRepository } from './clients/import/repository';
import { importService } from './clients/import/service';

export function services(db: Db, settings: Pick<Config, 'importHelperRows'> = { importHelperRows: 0 }) {
  const users = usersRepository(db);
  const clients = clientsRepository(db);
  return {
    db,
    users,
    signIn: signInService(users),
    clients,
    clientList: clientListRepository(db),
    wizard: wizardService(clients),
    lifecycle: lifecycleService(clients),
    importer: importService({
      imports: importsRepository(db),
      clients,
      helperFromRows: settings.importHelperRows,
    }),
  };
}

export type Services = ReturnType<typeof services>;
