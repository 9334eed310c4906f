// Telegram bot: sendMessage to one chat, plain text (no parse mode: nothing to escape), and the
// message's actions as an inline keyboard of URL buttons. The bot token sits in the URL's path.
import type { TelegramChannel } from '../config/index.js';
import { httpChannel, JSON_HEADERS } from './http-channel.js';
import { cut, titleAndBody } from './template.js';

export const telegram = httpChannel<TelegramChannel>((message, settings, secrets) => {
  const { title, body } = titleAndBody(message, settings);
  const payload: Record<string, unknown> = {
    chat_id: secrets.maybe(settings.chatId),
    text: cut(`${title}\n${body}`, 4096),
    disable_web_page_preview: true,
  };
  if (message.actions?.length) {
    payload.reply_markup = {
      inline_keyboard: [message.actions.map((action) => ({ text: action.label, url: action.url }))],
    };
  }
  const api = settings.apiUrl.replace(/\/+$/, '');
  return {
    url: `${api}/bot${secrets.secret(settings.token)}/sendMessage`,
    method: 'POST',
    headers: { ...JSON_HEADERS },
    body: JSON.stringify(payload),
  };
});
