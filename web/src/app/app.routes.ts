import { Routes } from '@angular/router';
import { signedIn } from './auth/signed-in.guard';
import { SignInPage } from './auth/sign-in.page';
import { SignUpPage } from './auth/sign-up.page';
import { ChatPage } from './chat/chat.page';
import { ConversationPage } from './chat/conversation.page';
import { SettingsPage } from './settings/settings.page';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'chat' },
  { path: 'sign-in', component: SignInPage, title: 'Sign in · ChatQL' },
  { path: 'sign-up', component: SignUpPage, title: 'Sign up · ChatQL' },
  {
    path: 'chat',
    component: ChatPage,
    canActivate: [signedIn],
    title: 'ChatQL',
    children: [
      { path: '', pathMatch: 'full', children: [] },
      { path: ':conversationId', component: ConversationPage, title: 'Conversation · ChatQL' },
    ],
  },
  {
    path: 'admin',
    loadComponent: () => import('./admin/dashboard.page').then((page) => page.DashboardPage),
    canActivate: [signedIn],
    title: 'Dashboard · ChatQL',
  },
  {
    path: 'settings',
    component: SettingsPage,
    canActivate: [signedIn],
    title: 'Settings · ChatQL',
  },
  {
    path: 'admin/reports',
    loadComponent: () => import('./admin/reports.page').then((page) => page.ReportsPage),
    canActivate: [signedIn],
    title: 'Reports · ChatQL',
  },
  { path: '**', redirectTo: 'chat' },
];
