import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Context menu, commands and messaging arrive with the popup work; the background has nothing
  // to do on its own, and holds no state, so it can be stopped at any time.
});
