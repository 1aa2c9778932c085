/**
 * The theming gallery (theming.html): one simulated replica per example, the Arabic strings of
 * the right-to-left example, and the page's "all" buttons.
 */
import { createSimulatedCallFactory } from '/dist/cdn/tavus-simulator.js';
import { simulatorOptionsFromQuery } from './demo.js';

/** Every UI string of `<tavus-conversation>`, in Arabic (keys as in src/translations/en.ts). */
const ARABIC_STRINGS = {
  panelLabel: 'محادثة فيديو',
  panelLabelNamed: 'محادثة فيديو مع {name}',
  openPanel: 'افتح محادثة الفيديو',
  closePanel: 'أغلق محادثة الفيديو',
  startTitle: 'تحدّث وجهًا لوجه',
  startTitleNamed: 'تحدّث مع {name}',
  startHint: 'تستخدم الكاميرا والميكروفون. يمكنك أيضًا الدردشة بالكتابة.',
  start: 'ابدأ المحادثة',
  statusConnecting: 'جارٍ الاتصال…',
  statusWaiting: 'بانتظار انضمام المساعد…',
  statusWaitingNamed: 'بانتظار انضمام {name}…',
  statusConnected: 'متصل',
  statusConnectedNamed: 'متصل مع {name}',
  statusReconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  endedTitle: 'انتهت المحادثة',
  endedUserEnded: 'لقد أنهيت المحادثة.',
  endedReplicaLeft: 'غادر المساعد المحادثة.',
  endedReplicaLeftNamed: 'غادر {name} المحادثة.',
  endedShutdown: 'أغلقت الخدمة المحادثة.',
  endedLeft: 'لقد غادرت المحادثة.',
  restart: 'ابدأ من جديد',
  viewTranscript: 'اعرض نص المحادثة',
  errorTitle: 'حدث خطأ ما',
  errorMissingConfiguration:
    'هذه المحادثة غير مهيّأة بعد: تحتاج إلى رابط محادثة أو عنوان خادم ينشئ المحادثة.',
  errorInvalidUrl: 'رابط المحادثة غير صالح.',
  errorEndpointFailed: 'تعذّر على الخادم بدء المحادثة. يُرجى المحاولة مرة أخرى.',
  errorEndpointTimeout: 'استغرق الخادم وقتًا طويلًا للرد. يُرجى المحاولة مرة أخرى.',
  errorCallUnavailable: 'تعذّر تحميل خدمة الفيديو. تحقّق من اتصالك وحاول مرة أخرى.',
  errorJoinFailed: 'تعذّر الانضمام إلى المحادثة. ربما انتهت، أو انتهت صلاحية الرابط.',
  errorCallFailed: 'توقفت المكالمة بسبب خطأ.',
  retry: 'حاول مرة أخرى',
  retryDevices: 'حاول مرة أخرى',
  mediaPermissionDenied: 'الكاميرا والميكروفون محظوران — لا يزال بإمكانك الدردشة بالكتابة.',
  mediaCameraDenied: 'الكاميرا محظورة — لا يزال المساعد يسمعك.',
  mediaMicrophoneDenied: 'الميكروفون محظور — لا يزال بإمكانك الدردشة بالكتابة.',
  mediaDeviceInUse:
    'الكاميرا أو الميكروفون قيد الاستخدام في تطبيق آخر — لا يزال بإمكانك الدردشة بالكتابة.',
  mediaDeviceMissing: 'لم يُعثر على كاميرا أو ميكروفون — لا يزال بإمكانك الدردشة بالكتابة.',
  mediaDeviceError: 'تعذّر تشغيل الكاميرا أو الميكروفون — لا يزال بإمكانك الدردشة بالكتابة.',
  microphoneUnavailable: 'الميكروفون غير متاح',
  cameraUnavailable: 'الكاميرا غير متاحة',
  controlsLabel: 'أدوات التحكم في المكالمة',
  microphone: 'الميكروفون',
  camera: 'الكاميرا',
  captions: 'الترجمة النصية',
  chat: 'الدردشة',
  muteMicrophone: 'اكتم الميكروفون',
  unmuteMicrophone: 'شغّل الميكروفون',
  cameraOff: 'أوقف الكاميرا',
  cameraOn: 'شغّل الكاميرا',
  captionsOff: 'أخفِ الترجمة النصية',
  captionsOn: 'اعرض الترجمة النصية',
  openChat: 'افتح الدردشة',
  closeChat: 'أغلق الدردشة',
  end: 'أنهِ المحادثة',
  replicaVideo: 'فيديو المساعد',
  replicaVideoNamed: 'فيديو {name}',
  selfView: 'صورتك من الكاميرا',
  enableSound: 'انقر لتشغيل الصوت',
  chatTitle: 'الدردشة',
  transcriptLabel: 'نص المحادثة',
  transcriptEmpty: 'قل مرحبًا أو اكتب رسالة. ستظهر المحادثة هنا.',
  showEarlier: 'اعرض الرسائل السابقة',
  jumpToLatest: 'انتقل إلى الأحدث',
  you: 'أنت',
  replica: 'المساعد',
  interrupted: 'تمت المقاطعة',
  composerLabel: 'رسالة',
  composerPlaceholder: 'اكتب رسالة…',
  composerDisabled: 'يمكنك الكتابة بعد بدء المحادثة.',
  characterCount: '{count}/{max}',
  send: 'إرسال',
};

/** The Arabic replica's script: a greeting and one polite answer to anything. */
const ARABIC_REPLICA = {
  greeting: 'مرحبًا! أنا سامي، نسخة محاكاة تعمل هنا في متصفحك. اكتب لي رسالة وسأرد عليك.',
  script: [
    {
      match: () => true,
      reply:
        'سؤال جميل! أنا نسخة محاكاة بسيطة، لذلك لا أستطيع البحث عن إجابة، لكن يسعدني أن أسمع المزيد منك.',
    },
  ],
};

const query = simulatorOptionsFromQuery();
const elements = [...document.querySelectorAll('tavus-conversation')];

await customElements.whenDefined('tavus-conversation');

for (const el of elements) {
  const arabic = el.lang === 'ar';
  el.conversationUrl = `https://tavus.daily.co/theming-${el.id}`;
  el.callFactory = createSimulatedCallFactory({
    replicaName: el.dataset.replica,
    ...(arabic ? ARABIC_REPLICA : {}),
    ...query,
  });
  // Six panels on one page: each gets its own accessible name, from its example's title.
  const title = el.closest('section')?.querySelector('h2')?.textContent.trim() ?? el.id;
  el.strings = arabic
    ? {
        ...ARABIC_STRINGS,
        panelLabel: 'محادثة فيديو (مثال من اليمين إلى اليسار)',
        panelLabelNamed: 'محادثة فيديو مع {name} (مثال من اليمين إلى اليسار)',
        chatTitleNamed: 'الدردشة مع {name} (مثال من اليمين إلى اليسار)',
      }
    : {
        panelLabel: `Video conversation (${title})`,
        panelLabelNamed: `Video conversation with {name} (${title})`,
        chatTitleNamed: `Chat with {name} (${title})`,
      };
}

// Show each example's CSS, read from the style block that applies it.
for (const pre of document.querySelectorAll('pre[data-source]')) {
  const style = document.querySelector(`style[data-example="${pre.dataset.source}"]`);
  const lines = (style?.textContent ?? '').replace(/^\n+|\s+$/g, '').split('\n');
  const indent = Math.min(
    ...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length),
  );
  pre.textContent = lines.map((line) => line.slice(indent)).join('\n');
}

const IN_CALL = new Set(['connecting', 'waiting', 'connected', 'reconnecting']);

document.querySelector('#start-all').addEventListener('click', () => {
  for (const el of elements) if (!IN_CALL.has(el.state)) el.start().catch(() => {});
});
document.querySelector('#end-all').addEventListener('click', () => {
  for (const el of elements) void el.end();
});
const chatAll = document.querySelector('#chat-all');
chatAll.addEventListener('click', () => {
  const open = chatAll.getAttribute('aria-pressed') !== 'true';
  chatAll.setAttribute('aria-pressed', String(open));
  for (const el of elements) el.chatOpen = open;
});

document.documentElement.dataset.ready = 'true';
