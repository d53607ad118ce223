import { testMainScreens } from '../support/screens.mjs';

testMainScreens('desktop', 'light');
