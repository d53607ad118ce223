import { testMainScreens } from '../support/screens.mjs';

testMainScreens('phone', 'light');
