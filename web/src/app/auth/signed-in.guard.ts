import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** Lets the signed-in through; sends everyone else to the sign-in page. */
export const signedIn: CanActivateFn = () =>
  inject(Session).signedIn() || inject(Router).parseUrl('/sign-in');
