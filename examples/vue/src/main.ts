import { createApp } from 'vue';
import 'touchpoint/busy';
import 'touchpoint/tooltip';
import App from './App.vue';

createApp(App).mount('#app');
