import { testMainScreens } from '../support/screens.mjs';

testMainScreens('phone', 'dark');
