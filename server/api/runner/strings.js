// Every word the runner shows, through one lookup, so that languages can be added as more tables later
// (SPEC §15: one table per BCP 47 tag: en, es, de, ar). t("key", {name: value}) fills {name} placeholders,
// numbers written the locale's way (Intl); an unknown key shows itself (easy to spot, never blank). A text
// that counts may be given in the language's plural forms ({one, other}; Arabic also zero, two, few, many),
// chosen for its count (`n`, else `places`) by Intl.PluralRules; the other tables say such counts as
// "Label: n", which needs none.
// useLanguage(tag) follows the run's language: the table (falling back to `en`, then to the key), the
// locale of numbers and dates, and <html lang dir> so that a screen reader speaks it and `ar`/`he` read
// right to left.

const EN = {
  loading: "Loading your checklist…",
  open_title: "Ready to start",
  open_lead: { one: "{sender} sent you a checklist with {n} step.", other: "{sender} sent you a checklist with {n} steps." },
  open_lead_started: "{sender} sent you this checklist.",
  open_button: "Start the checklist",
  opening: "Opening…",
  identity_external: "Who is filling this in?",
  identity_member: "Sign in with your member token",
  name: "Your name",
  email: "Your email",
  member_token: "Member token (rdm_…)",
  desktop_link: "On a computer with Rundun desktop? Open in Rundun",
  progress_label: "Progress",
  progress: "{done} of {total} done",
  progress_skipped: "{skipped} skipped",
  progress_incomplete: "{n} still incomplete",
  required: "required",
  optional: "optional",
  yes: "Yes",
  no: "No",
  skip: "Skip this step",
  unskip: "Answer this step",
  skipped: "Skipped",
  clear: "Clear",
  add_photo: "Take or choose a photo",
  photos_count: "{n} of {min}–{max} photos",
  photos_count_exact: { one: "{got} of {n} photo", other: "{got} of {n} photos" },
  photos_count_up_to: { one: "{got} of at most {n} photo", other: "{got} of at most {n} photos" },
  photos_full: "Remove one to add another.",
  remove_photo: "Remove photo {n}",
  photo_alt: "Photo {n} of {label}",
  sign_here: "Sign in the box with your finger",
  sign_typed: "Or type your name to sign with it",
  sign_clear: "Clear signature",
  sign_save: "Keep this signature",
  signature_saved: "Signature kept",
  signature_kept_hint: "Signature kept. To change it, sign again and keep the new one.",
  sign_first: "Sign in the box first: it is empty.",
  run_signature: "Your signature",
  missing_signature: "Your signature is missing",
  location: "Add my location",
  location_again: "Update my location",
  locating: "Finding your location…",
  location_kept: "Location kept (±{m} m)",
  location_needed: "This step needs your location: tap “Add my location”.",
  location_needed_if_answered: "If you answer this step, it needs your location too: tap “Add my location”.",
  location_denied: "This page may not use your location. Allow location for this site in the browser's site settings (the icon beside the address), then tap “Add my location” again.",
  location_unavailable: "Your location could not be found just now. Check that location is on, then try again.",
  location_timeout: "Finding your location took too long. Try again.",
  complete: "Complete the checklist",
  missing_title: "Before you can complete:",
  completed_title: "Checklist completed",
  completed_body: "Thank you. Everything is on the server: you can close this page.",
  completed_waiting_title: "Completed on this phone, not sent yet",
  completed_waiting_body: "Your answers and photos are only on this phone until the line below says everything is saved. They are sent only while this page is open: once you are online, keep it open or open this link again until everything is saved. Do not clear this browser's data before then.",
  closed_title: "This checklist is closed",
  opened_elsewhere_title: "Already being filled in",
  opened_elsewhere_body: "This checklist was opened on another phone or computer: carry on there. If that was not you, ask the sender for a new link.",
  completed_already: "It has been completed already: there is nothing left to fill in.",
  closed_cancelled: "The sender cancelled this checklist: it can no longer be filled in or sent. Ask them for a new link if the work still needs doing.",
  closed_expired: "This checklist's link has expired: it can no longer be filled in or sent. Ask the sender for a new link.",
  closed_access_ended: "It was opened on another device, or this phone's access to it ended. Ask the sender for a new link.",
  access_ended_title: "This checklist is no longer open on this phone",
  completed_elsewhere_body: "It was completed in another tab or on another device.",
  not_sent: { one: "{n} change made on this phone was not sent: the server no longer takes it. It stays on this phone.", other: "{n} changes made on this phone were not sent: the server no longer takes them. They stay on this phone." },
  save_unsent: "Save a copy of them",
  unsent_saved: "Saved in your downloads as {name}: your answers and photos that were not sent, to give to whoever sent you this checklist.",
  other_tab_title: "This checklist is open in another tab",
  other_tab_body: "It is being filled in there. To carry on in this tab instead, tap “Use it here”: it shows what the other tab saved.",
  other_tab_use_here: "Use it here",
  online: "Online",
  offline: "Offline",
  all_sent: "Everything is saved on the server.",
  waiting: { one: "{n} change waiting to be sent", other: "{n} changes waiting to be sent" },
  waiting_photos: { one: "{n} photo ({mb} MB) waiting to be sent", other: "{n} photos ({mb} MB) waiting to be sent" },
  waiting_signatures: { one: "{n} signature waiting to be sent", other: "{n} signatures waiting to be sent" },
  waiting_because: "{what} {why}",
  why_offline: "because this device is offline; they are kept here and sent once the network returns while this page is open (if it was closed, open this link again).",
  unreachable: "Can't reach the server",
  why_unreachable: "because the server does not answer, though this phone is connected (a Wi-Fi without internet, or the server down); they are kept on this phone and sent when it answers while this page is open (if it was closed, open this link again).",
  why_retry: "the last try failed ({error}); trying again in {s} s.",
  why_sending: "sending now…",
  why_sending_share: "sending now… {pct}% sent",
  photo_sending: "Sending photo {n} of {count}",
  rejected: "The server takes nothing more ({message}). Kept on this phone: {what}.",
  failed: {
    one: "{n} change refused by the server, kept here until you change it: {message}",
    other: "{n} changes refused by the server, kept here until you change them: {message}",
  },
  storage_persisted: "This device keeps your answers even when space runs low.",
  storage_refused: "The browser did not grant persistent storage: if space runs low it may delete answers that are not sent yet. Stay online until everything is sent.",
  open_failed: "Could not open the checklist: {message}",
  needs_network: "Opening the checklist needs the network once. Connect and try again.",
  open_unreachable: "The server does not answer, though this phone is connected (a Wi-Fi without internet, or the server down). Try again in a moment.",
  invalid: "Not accepted: {message}",
  problems_separator: "; ",
  list_separator: ", ",
  photo_unreadable: "Could not read that image. Take the photo again, or choose another one.",
  photos_too_many: {
    one: "{n} photo not added: this step takes {max} at most. Remove one to add another.",
    other: "{n} photos not added: this step takes {max} at most. Remove one to add another.",
  },
  language: "Language",
  text_cut: "The text was cut to {max} characters: the rest did not fit.",
  checklist_language_none: "This checklist has no {wanted} version: its steps stay in {language}.",
  checklist_language_offline: "This checklist's {wanted} version needs the network: its steps stay in {language} until then.",
  checklist_language_unreachable: "The server does not answer, so this checklist's {wanted} version cannot be fetched yet: its steps stay in {language} until it answers.",
  checklist_language_kept: "This checklist's steps stay in {language}, the language it was opened in.",
  brand: "Rundun checklist",
  open_before: "Open it before {date}.",
  // The server's refusals by error code (describeRefusal): the step by its title, the server's words only
  // for a code not listed here.
  refusal_answer: "The server did not take the answer to “{step}”{why}. Change it and it will be sent.",
  refusal_skip: "“{step}” cannot be skipped in this checklist: answer it and the answer will be sent.",
  refusal_photo_slot: "The server did not take a photo of “{step}”: the step already has all the photos it takes. Remove one and add it again.",
  refusal_photo_large: "A photo of “{step}” is too large for the server. Remove it and take a smaller one.",
  refusal_photo_type: "A photo of “{step}” is not an image the server takes (JPEG, PNG, WebP or HEIC). Remove it and choose another.",
  refusal_photo_damaged: "A photo of “{step}” reached the server damaged. Remove it and add it again.",
  refusal_other: "The server refused a change to “{step}”: {message}",
  run_refused_run_closed: "the checklist is closed",
  run_refused_run_expired: "the checklist's link has expired",
  run_refused_unauthorized: "this phone's access to the checklist was withdrawn",
  run_refused_not_found: "the checklist no longer exists on the server",
  run_refused_run_already_opened: "the checklist was opened on another device",
  retry_rate_limited: "the server is busy",
  retry_storage_full: "the server's storage is full",
  retry_internal_error: "the server had a problem",
  retry_conflict: "the server is still busy with this checklist's earlier uploads",
  // What a number step takes, said under a field holding what it does not take.
  expect_range: "Enter a number from {min} to {max}.",
  expect_min: "Enter a number of {min} or more.",
  expect_max: "Enter a number of {max} or less.",
  expect_any: "Enter a number.",
  expect_whole: "Whole numbers only.",
  expect_places: { one: "At most {places} decimal place.", other: "At most {places} decimal places." },
  invalid_field: "'{name}': what is typed there is not saved. {expected}",
  invalid_choices: "'{name}': what is ticked there is not saved: {problem}.",
  // The shared rule's English names a date as ISO ("2020-01-01"): said as the field shows dates instead; and
  // a limit with its digits bare ("must be at most 9007199254740991"): written as English writes numbers.
  problem_min: "must be at least {min}",
  problem_max: "must be at most {max}",
  problem_max_length: "must be at most {max} characters",
  problem_rating: "must be a whole number from {min} to {max}",
  problem_min_date: "must be on or after {date}",
  problem_max_date: "must be on or before {date}",
  // A location's problems name its parts in words (rules.js names them by their keys, "lat", "lng"; the
  // English said no name at all: "must be a number from -90 to 90"), as the desktop's runner does.
  geo_field_lat: "Latitude",
  geo_field_lng: "Longitude",
  geo_field_accuracy_m: "Accuracy",
  problem_geo: "the location needs a latitude and a longitude, or none at all",
  problem_geo_required: "{field} is missing",
  problem_geo_range: "{field} must be a number from {min} to {max}",
  problem_geo_accuracy: "Accuracy must be a number of metres, 0 or more, or empty",
  problem_geo_unknown: "the location holds “{field}”, which it does not take (only a latitude, a longitude and an accuracy)",
  open_email_invalid: "The server does not take this email address: write it in full, such as name@example.com.",
  incomplete_step: "“{name}” is not complete on the server: see the details at the bottom of the screen.",
  // The status bar: one short line, the rest behind "Details".
  sum_waiting: "{n} waiting to be sent",
  sum_waiting_short: "{n} unsent",
  all_sent_short: "All saved",
  unreachable_short: "No server",
  offline_short: "Offline",
  sum_refused: "{n} refused",
  sum_refused_short: "{n} refused",
  sum_to_fix_short: "{n} to fix",
  sum_run_refused: "the server takes nothing more",
  sum_not_sent: "{n} not sent",
  sum_held: "{n} not saved",
  held: { one: "{n} answer is not saved: its step does not take what is typed there. Put it right to send it.", other: "{n} answers are not saved: their steps do not take what is typed there. Put them right to send them." },
  details: "Details",
};

const ES = {
  loading: "Cargando tu lista de verificación…",
  open_title: "Todo listo para empezar",
  open_lead: { one: "{sender} te envió una lista de verificación con {n} paso.", other: "{sender} te envió una lista de verificación con {n} pasos." },
  open_lead_started: "{sender} te envió esta lista.",
  open_button: "Empezar la lista",
  opening: "Abriendo…",
  identity_external: "¿Quién la rellena?",
  identity_member: "Inicia sesión con tu token de miembro",
  name: "Tu nombre",
  email: "Tu correo electrónico",
  member_token: "Token de miembro (rdm_…)",
  desktop_link: "¿En un ordenador con Rundun de escritorio? Ábrela en Rundun",
  progress_label: "Progreso",
  progress: "{done} de {total} hechos",
  progress_skipped: "omitidos: {skipped}",
  progress_incomplete: "aún incompletos: {n}",
  required: "obligatorio",
  optional: "opcional",
  yes: "Sí",
  no: "No",
  skip: "Omitir este paso",
  unskip: "Responder este paso",
  skipped: "Omitido",
  clear: "Borrar",
  add_photo: "Hacer o elegir una foto",
  photos_count: "{n} de {min}–{max} fotos",
  photos_count_exact: { one: "{got} de {n} foto", other: "{got} de {n} fotos" },
  photos_count_up_to: { one: "{got} de {n} foto como máximo", other: "{got} de {n} fotos como máximo" },
  photos_full: "Quita una para añadir otra.",
  remove_photo: "Quitar la foto {n}",
  photo_alt: "Foto {n} de {label}",
  sign_here: "Firma en el recuadro con el dedo",
  sign_typed: "O escribe tu nombre para firmar con él",
  sign_clear: "Borrar la firma",
  sign_save: "Guardar esta firma",
  signature_saved: "Firma guardada",
  signature_kept_hint: "Firma guardada. Para cambiarla, vuelve a firmar y guarda la nueva.",
  sign_first: "Primero firma en el recuadro: está vacío.",
  run_signature: "Tu firma",
  missing_signature: "Falta tu firma",
  location: "Añadir mi ubicación",
  location_again: "Actualizar mi ubicación",
  locating: "Buscando tu ubicación…",
  location_kept: "Ubicación guardada (±{m} m)",
  location_needed: "Este paso necesita tu ubicación: toca «Añadir mi ubicación».",
  location_needed_if_answered: "Si respondes a este paso, también necesita tu ubicación: toca «Añadir mi ubicación».",
  location_denied: "Esta página no puede usar tu ubicación. Permite la ubicación para este sitio en la configuración del sitio del navegador (el icono junto a la dirección) y vuelve a tocar «Añadir mi ubicación».",
  location_unavailable: "No se pudo encontrar tu ubicación ahora. Comprueba que la ubicación está activada y vuelve a intentarlo.",
  location_timeout: "Encontrar tu ubicación tardó demasiado. Vuelve a intentarlo.",
  complete: "Completar la lista",
  missing_title: "Antes de completar:",
  completed_title: "Lista completada",
  completed_body: "Gracias. Todo está en el servidor: puedes cerrar esta página.",
  completed_waiting_title: "Completada en este teléfono, aún sin enviar",
  completed_waiting_body: "Tus respuestas y fotos solo están en este teléfono hasta que la línea de abajo diga que todo está guardado. Solo se envían con esta página abierta: cuando tengas conexión, mantenla abierta o vuelve a abrir este enlace hasta que todo esté guardado. No borres los datos de este navegador antes.",
  closed_title: "Esta lista está cerrada",
  opened_elsewhere_title: "Ya se está rellenando",
  opened_elsewhere_body: "Esta lista se abrió en otro teléfono u ordenador: continúa allí. Si no fuiste tú, pide un enlace nuevo a quien la envió.",
  completed_already: "Ya se completó: no queda nada por rellenar.",
  closed_cancelled: "Quien la envió canceló esta lista: ya no se puede rellenar ni enviar. Pídele un enlace nuevo si el trabajo sigue pendiente.",
  closed_expired: "El enlace de esta lista ha caducado: ya no se puede rellenar ni enviar. Pide un enlace nuevo a quien la envió.",
  closed_access_ended: "Se abrió en otro dispositivo, o terminó el acceso de este teléfono. Pide un enlace nuevo a quien la envió.",
  access_ended_title: "Esta lista ya no está abierta en este teléfono",
  completed_elsewhere_body: "Se completó en otra pestaña o en otro dispositivo.",
  not_sent: "Cambios de este teléfono sin enviar: {n}; el servidor ya no los acepta. Se quedan en este teléfono.",
  save_unsent: "Guardar una copia",
  unsent_saved: "Guardado en tus descargas como {name}: tus respuestas y fotos sin enviar, para entregar a quien te envió esta lista.",
  other_tab_title: "Esta lista está abierta en otra pestaña",
  other_tab_body: "Se está rellenando allí. Para seguir en esta pestaña, toca «Usarla aquí»: muestra lo que guardó la otra pestaña.",
  other_tab_use_here: "Usarla aquí",
  online: "En línea",
  offline: "Sin conexión",
  all_sent: "Todo está guardado en el servidor.",
  waiting: "Cambios pendientes de envío: {n}",
  waiting_photos: "Fotos pendientes de envío: {n} ({mb} MB)",
  waiting_signatures: "Firmas pendientes de envío: {n}",
  waiting_because: "{what} {why}",
  why_offline: "porque este dispositivo no tiene conexión; se guardan aquí y se envían cuando vuelva la red con esta página abierta (si se cerró, vuelve a abrir este enlace).",
  unreachable: "El servidor no responde",
  why_unreachable: "porque el servidor no responde, aunque este teléfono está conectado (una wifi sin internet o el servidor caído); se guardan en este teléfono y se envían cuando responda con esta página abierta (si se cerró, vuelve a abrir este enlace).",
  why_retry: "el último intento falló ({error}); se reintenta en {s} s.",
  why_sending: "enviando…",
  why_sending_share: "enviando… {pct} % enviado",
  photo_sending: "Enviando la foto {n} de {count}",
  rejected: "El servidor ya no acepta nada ({message}). Se guarda en este teléfono: {what}.",
  failed: "Cambios rechazados por el servidor: {n}; se guardan aquí hasta que los cambies: {message}",
  storage_persisted: "Este dispositivo conserva tus respuestas aunque se quede sin espacio.",
  storage_refused: "El navegador no concedió almacenamiento persistente: si falta espacio puede borrar respuestas aún no enviadas. Mantente en línea hasta que se envíe todo.",
  open_failed: "No se pudo abrir la lista: {message}",
  needs_network: "Abrir la lista requiere red una vez. Conéctate y vuelve a intentarlo.",
  open_unreachable: "El servidor no responde, aunque este teléfono está conectado (una wifi sin internet o el servidor caído). Vuelve a intentarlo en un momento.",
  invalid: "No aceptado: {message}",
  problems_separator: "; ",
  list_separator: ", ",
  photo_unreadable: "No se pudo leer esa imagen. Vuelve a hacer la foto o elige otra.",
  photos_too_many: "Fotos no añadidas: {n}; este paso admite {max} como máximo. Quita una para añadir otra.",
  language: "Idioma",
  text_cut: "El texto se recortó a {max} caracteres: el resto no cabía.",
  checklist_language_none: "Esta lista no está disponible en {wanted}: sus pasos siguen en {language}.",
  checklist_language_offline: "La versión en {wanted} de esta lista necesita conexión: hasta entonces sus pasos siguen en {language}.",
  checklist_language_unreachable: "El servidor no responde, así que aún no se puede obtener la versión en {wanted} de esta lista: sus pasos siguen en {language} hasta que responda.",
  checklist_language_kept: "Los pasos de esta lista siguen en {language}, el idioma en el que se abrió.",
  brand: "Lista de verificación de Rundun",
  open_before: "Ábrela antes del {date}.",
  refusal_answer: "El servidor no aceptó la respuesta a «{step}»{why}. Cámbiala y se enviará.",
  refusal_skip: "«{step}» no se puede omitir en esta lista: respóndelo y se enviará la respuesta.",
  refusal_photo_slot: "El servidor no aceptó una foto de «{step}»: el paso ya tiene todas las fotos que admite. Quita una y vuelve a añadirla.",
  refusal_photo_large: "Una foto de «{step}» es demasiado grande para el servidor. Quítala y haz una más pequeña.",
  refusal_photo_type: "Una foto de «{step}» no es una imagen que acepte el servidor (JPEG, PNG, WebP o HEIC). Quítala y elige otra.",
  refusal_photo_damaged: "Una foto de «{step}» llegó dañada al servidor. Quítala y vuelve a añadirla.",
  refusal_other: "El servidor rechazó un cambio en «{step}»: {message}",
  run_refused_run_closed: "la lista está cerrada",
  run_refused_run_expired: "el enlace de la lista ha caducado",
  run_refused_unauthorized: "se retiró el acceso de este teléfono a la lista",
  run_refused_not_found: "la lista ya no existe en el servidor",
  run_refused_run_already_opened: "la lista se abrió en otro dispositivo",
  retry_rate_limited: "el servidor está ocupado",
  retry_storage_full: "el almacenamiento del servidor está lleno",
  retry_internal_error: "el servidor tuvo un problema",
  retry_conflict: "el servidor aún está ocupado con subidas anteriores de esta lista",
  expect_range: "Escribe un número de {min} a {max}.",
  expect_min: "Escribe un número igual o mayor que {min}.",
  expect_max: "Escribe un número igual o menor que {max}.",
  expect_any: "Escribe un número.",
  expect_whole: "Solo números enteros.",
  expect_places: "Decimales: {places} como máximo.",
  invalid_field: "«{name}»: lo que está escrito ahí no se guarda. {expected}",
  invalid_choices: "«{name}»: lo marcado ahí no se guarda: {problem}.",
  incomplete_step: "«{name}» no está completo en el servidor: mira los detalles al pie de la pantalla.",
  sum_waiting: "Por enviar: {n}",
  sum_waiting_short: "{n} en cola",
  all_sent_short: "Todo guardado",
  unreachable_short: "Sin servidor",
  offline_short: "Sin red",
  sum_refused: "rechazados: {n}",
  sum_refused_short: "rechaz.: {n}",
  sum_to_fix_short: "revisar: {n}",
  sum_run_refused: "el servidor ya no acepta nada",
  sum_not_sent: "sin enviar: {n}",
  sum_held: "sin guardar: {n}",
  held: "Respuestas sin guardar: {n}; su paso no acepta lo escrito. Corrígelas para enviarlas.",
  details: "Detalles",
  // rules.js's problems by code (describeProblem); English says the server's own `message` instead.
  problem_needs_photos: "«{name}» necesita fotos: al menos {n}",
  problem_needs_signature: "«{name}» necesita una firma",
  problem_needs_answer: "«{name}» necesita una respuesta",
  problem_needs_location: "«{name}» necesita una ubicación",
  problem_not_skippable: "{problem}; esta plantilla no permite omitir pasos",
  problem_run_signature: "esta plantilla necesita la firma de quien la rellena antes de completarla",
  problem_not_a_step: "«{step}» no es un paso de esta plantilla",
  problem_instruction_step: "«{step}» es un paso de instrucciones: no se puede responder",
  problem_skipping_not_allowed: "esta plantilla no permite omitir pasos",
  problem_null_when_skipped: "debe quedar vacío cuando se omite el paso",
  problem_photos_are_the_answer: "debe quedar vacío: las fotos son la respuesta",
  problem_boolean: "debe ser sí o no",
  problem_number: "debe ser un número",
  problem_min: "debe ser como mínimo {min}",
  problem_max: "debe ser como máximo {max}",
  problem_whole_number: "debe ser un número entero",
  problem_decimal_places: "decimales: {places} como máximo",
  problem_text: "no puede quedar vacío",
  problem_max_length: "demasiado largo: como máximo {max} caracteres",
  problem_option: "debe ser una de las opciones de este paso ({options}); se recibió {got}",
  problem_option_list: "debe ser una lista de opciones",
  problem_option_twice: "«{option}» está elegida más de una vez",
  problem_min_selected: "elige al menos {n}",
  problem_max_selected: "elige como máximo {n}",
  problem_rating: "debe ser un número entero de {min} a {max}",
  problem_date: "debe ser una fecha AAAA-MM-DD",
  problem_min_date: "debe ser el {date} o después",
  problem_max_date: "debe ser el {date} o antes",
  problem_time: "debe ser una hora HH:MM, de 00:00 a 23:59",
  problem_geo: "la ubicación debe tener latitud y longitud, o quedar vacía",
  problem_geo_required: "falta la {field}",
  problem_geo_range: "la {field} debe ser un número de {min} a {max}",
  problem_geo_accuracy: "la precisión debe ser de 0 metros o más, o quedar vacía",
  problem_geo_unknown: "la ubicación lleva «{field}», que no admite (solo latitud, longitud y precisión)",
  geo_field_lat: "latitud",
  geo_field_lng: "longitud",
  geo_field_accuracy_m: "precisión",
  open_email_invalid: "El servidor no acepta esta dirección de correo: escríbela completa, como nombre@ejemplo.com.",
};

const DE = {
  loading: "Ihre Checkliste wird geladen…",
  open_title: "Bereit zum Start",
  open_lead: { one: "{sender} hat Ihnen eine Checkliste mit {n} Schritt gesendet.", other: "{sender} hat Ihnen eine Checkliste mit {n} Schritten gesendet." },
  open_lead_started: "{sender} hat Ihnen diese Checkliste gesendet.",
  open_button: "Checkliste starten",
  opening: "Wird geöffnet…",
  identity_external: "Wer füllt sie aus?",
  identity_member: "Mit Ihrem Mitgliedstoken anmelden",
  name: "Ihr Name",
  email: "Ihre E-Mail-Adresse",
  member_token: "Mitgliedstoken (rdm_…)",
  desktop_link: "An einem Computer mit Rundun Desktop? In Rundun öffnen",
  progress_label: "Fortschritt",
  progress: "{done} von {total} erledigt",
  progress_skipped: "übersprungen: {skipped}",
  progress_incomplete: "noch unvollständig: {n}",
  required: "Pflicht",
  optional: "optional",
  yes: "Ja",
  no: "Nein",
  skip: "Diesen Schritt überspringen",
  unskip: "Diesen Schritt beantworten",
  skipped: "Übersprungen",
  clear: "Leeren",
  add_photo: "Foto aufnehmen oder auswählen",
  photos_count: "{n} von {min}–{max} Fotos",
  photos_count_exact: { one: "{got} von {n} Foto", other: "{got} von {n} Fotos" },
  photos_count_up_to: { one: "{got} von höchstens {n} Foto", other: "{got} von höchstens {n} Fotos" },
  photos_full: "Entfernen Sie eines, um ein anderes hinzuzufügen.",
  remove_photo: "Foto {n} entfernen",
  photo_alt: "Foto {n} von {label}",
  sign_here: "Unterschreiben Sie mit dem Finger im Feld",
  sign_typed: "Oder tippen Sie Ihren Namen, um damit zu unterschreiben",
  sign_clear: "Unterschrift löschen",
  sign_save: "Diese Unterschrift behalten",
  signature_saved: "Unterschrift gespeichert",
  signature_kept_hint: "Unterschrift gespeichert. Um sie zu ändern, unterschreiben Sie erneut und speichern die neue.",
  sign_first: "Unterschreiben Sie zuerst im Feld: Es ist leer.",
  run_signature: "Ihre Unterschrift",
  missing_signature: "Ihre Unterschrift fehlt",
  location: "Meinen Standort hinzufügen",
  location_again: "Meinen Standort aktualisieren",
  locating: "Standort wird ermittelt…",
  location_kept: "Standort gespeichert (±{m} m)",
  location_needed: "Dieser Schritt braucht Ihren Standort: Tippen Sie auf „Meinen Standort hinzufügen“.",
  location_needed_if_answered: "Wenn Sie diesen Schritt beantworten, braucht er auch Ihren Standort: Tippen Sie auf „Meinen Standort hinzufügen“.",
  location_denied: "Diese Seite darf Ihren Standort nicht verwenden. Erlauben Sie den Standort für diese Website in den Website-Einstellungen des Browsers (das Symbol neben der Adresse) und tippen Sie dann erneut auf „Meinen Standort hinzufügen“.",
  location_unavailable: "Ihr Standort konnte gerade nicht ermittelt werden. Prüfen Sie, ob die Standortermittlung eingeschaltet ist, und versuchen Sie es erneut.",
  location_timeout: "Die Standortermittlung hat zu lange gedauert. Versuchen Sie es erneut.",
  complete: "Checkliste abschließen",
  missing_title: "Bevor Sie abschließen können:",
  completed_title: "Checkliste abgeschlossen",
  completed_body: "Danke. Alles ist auf dem Server: Sie können diese Seite schließen.",
  completed_waiting_title: "Auf diesem Telefon abgeschlossen, noch nicht gesendet",
  completed_waiting_body: "Ihre Antworten und Fotos sind nur auf diesem Telefon, bis die Zeile unten sagt, dass alles gespeichert ist. Sie werden nur gesendet, solange diese Seite geöffnet ist: Sobald Sie online sind, lassen Sie sie geöffnet oder öffnen Sie diesen Link erneut, bis alles gespeichert ist. Löschen Sie die Daten dieses Browsers nicht vorher.",
  closed_title: "Diese Checkliste ist geschlossen",
  opened_elsewhere_title: "Wird bereits ausgefüllt",
  opened_elsewhere_body: "Diese Checkliste wurde auf einem anderen Telefon oder Computer geöffnet: Machen Sie dort weiter. Wenn Sie das nicht waren, bitten Sie den Absender um einen neuen Link.",
  completed_already: "Sie wurde bereits abgeschlossen: Es ist nichts mehr auszufüllen.",
  closed_cancelled: "Der Absender hat diese Checkliste storniert: Sie kann nicht mehr ausgefüllt oder gesendet werden. Bitten Sie ihn um einen neuen Link, wenn die Arbeit noch ansteht.",
  closed_expired: "Der Link dieser Checkliste ist abgelaufen: Sie kann nicht mehr ausgefüllt oder gesendet werden. Bitten Sie den Absender um einen neuen Link.",
  closed_access_ended: "Sie wurde auf einem anderen Gerät geöffnet, oder der Zugang dieses Telefons ist beendet. Bitten Sie den Absender um einen neuen Link.",
  access_ended_title: "Diese Checkliste ist auf diesem Telefon nicht mehr geöffnet",
  completed_elsewhere_body: "Sie wurde in einem anderen Tab oder auf einem anderen Gerät abgeschlossen.",
  not_sent: "Nicht gesendete Änderungen dieses Telefons: {n}; der Server nimmt sie nicht mehr an. Sie bleiben auf diesem Telefon.",
  save_unsent: "Eine Kopie speichern",
  unsent_saved: "In Ihren Downloads als {name} gespeichert: Ihre nicht gesendeten Antworten und Fotos, für die Person, die Ihnen diese Checkliste geschickt hat.",
  other_tab_title: "Diese Checkliste ist in einem anderen Tab geöffnet",
  other_tab_body: "Sie wird dort ausgefüllt. Um in diesem Tab weiterzumachen, tippen Sie auf „Hier verwenden“: Er zeigt, was der andere Tab gespeichert hat.",
  other_tab_use_here: "Hier verwenden",
  online: "Online",
  offline: "Offline",
  all_sent: "Alles ist auf dem Server gespeichert.",
  waiting: "Zu sendende Änderungen: {n}",
  waiting_photos: "Zu sendende Fotos: {n} ({mb} MB)",
  waiting_signatures: "Zu sendende Unterschriften: {n}",
  waiting_because: "{what}, {why}", // a clause with "weil" takes its comma
  why_offline: "weil dieses Gerät offline ist; sie bleiben hier und werden gesendet, sobald das Netz zurück ist und diese Seite geöffnet ist (wurde sie geschlossen, öffnen Sie diesen Link erneut).",
  unreachable: "Server nicht erreichbar",
  why_unreachable: "weil der Server nicht antwortet, obwohl dieses Telefon verbunden ist (ein WLAN ohne Internet oder der Server ausgefallen); sie bleiben auf diesem Telefon und werden gesendet, sobald er antwortet und diese Seite geöffnet ist (wurde sie geschlossen, öffnen Sie diesen Link erneut).",
  why_retry: "der letzte Versuch ist fehlgeschlagen ({error}); neuer Versuch in {s} s.",
  why_sending: "wird gesendet…",
  why_sending_share: "wird gesendet… {pct} % gesendet",
  photo_sending: "Foto {n} von {count} wird gesendet",
  rejected: "Der Server nimmt nichts mehr an ({message}). Auf diesem Telefon bleibt: {what}.",
  failed: "Vom Server abgelehnte Änderungen: {n}; sie bleiben hier, bis Sie sie ändern: {message}",
  storage_persisted: "Dieses Gerät behält Ihre Antworten, auch wenn der Speicher knapp wird.",
  storage_refused: "Der Browser hat keinen dauerhaften Speicher gewährt: Wird der Platz knapp, kann er noch nicht gesendete Antworten löschen. Bleiben Sie online, bis alles gesendet ist.",
  open_failed: "Die Checkliste konnte nicht geöffnet werden: {message}",
  needs_network: "Zum Öffnen der Checkliste braucht es einmal das Netz. Verbinden Sie sich und versuchen Sie es erneut.",
  open_unreachable: "Der Server antwortet nicht, obwohl dieses Telefon verbunden ist (ein WLAN ohne Internet oder der Server ausgefallen). Versuchen Sie es gleich noch einmal.",
  invalid: "Nicht angenommen: {message}",
  problems_separator: "; ",
  list_separator: ", ",
  photo_unreadable: "Dieses Bild konnte nicht gelesen werden. Nehmen Sie das Foto erneut auf oder wählen Sie ein anderes.",
  photos_too_many: "Nicht hinzugefügte Fotos: {n}; dieser Schritt nimmt höchstens {max}. Entfernen Sie eines, um ein anderes hinzuzufügen.",
  language: "Sprache",
  text_cut: "Der Text wurde auf {max} Zeichen gekürzt: der Rest passte nicht hinein.",
  checklist_language_none: "Diese Checkliste gibt es nicht auf {wanted}: ihre Schritte bleiben auf {language}.",
  checklist_language_offline: "Die Fassung dieser Checkliste auf {wanted} braucht das Netz: bis dahin bleiben ihre Schritte auf {language}.",
  checklist_language_unreachable: "Der Server antwortet nicht, daher lässt sich die Fassung dieser Checkliste auf {wanted} noch nicht laden: ihre Schritte bleiben auf {language}, bis er antwortet.",
  checklist_language_kept: "Die Schritte dieser Checkliste bleiben auf {language}, der Sprache, in der sie geöffnet wurde.",
  brand: "Rundun-Checkliste",
  open_before: "Öffnen Sie sie vor dem {date}.",
  refusal_answer: "Der Server hat die Antwort auf „{step}“ nicht angenommen{why}. Ändern Sie sie, dann wird sie gesendet.",
  refusal_skip: "„{step}“ kann in dieser Checkliste nicht übersprungen werden: Beantworten Sie den Schritt, dann wird die Antwort gesendet.",
  refusal_photo_slot: "Der Server hat ein Foto von „{step}“ nicht angenommen: Der Schritt hat schon alle Fotos, die er aufnimmt. Entfernen Sie eines und fügen Sie es erneut hinzu.",
  refusal_photo_large: "Ein Foto von „{step}“ ist zu groß für den Server. Entfernen Sie es und nehmen Sie ein kleineres auf.",
  refusal_photo_type: "Ein Foto von „{step}“ ist kein Bild, das der Server annimmt (JPEG, PNG, WebP oder HEIC). Entfernen Sie es und wählen Sie ein anderes.",
  refusal_photo_damaged: "Ein Foto von „{step}“ kam beschädigt beim Server an. Entfernen Sie es und fügen Sie es erneut hinzu.",
  refusal_other: "Der Server hat eine Änderung an „{step}“ abgelehnt: {message}",
  run_refused_run_closed: "die Checkliste ist geschlossen",
  run_refused_run_expired: "der Link der Checkliste ist abgelaufen",
  run_refused_unauthorized: "der Zugang dieses Telefons zur Checkliste wurde entzogen",
  run_refused_not_found: "die Checkliste gibt es auf dem Server nicht mehr",
  run_refused_run_already_opened: "die Checkliste wurde auf einem anderen Gerät geöffnet",
  retry_rate_limited: "der Server ist ausgelastet",
  retry_storage_full: "der Speicher des Servers ist voll",
  retry_internal_error: "der Server hatte ein Problem",
  retry_conflict: "der Server ist noch mit früheren Uploads dieser Checkliste beschäftigt",
  expect_range: "Geben Sie eine Zahl von {min} bis {max} ein.",
  expect_min: "Geben Sie eine Zahl ab {min} ein.",
  expect_max: "Geben Sie eine Zahl bis {max} ein.",
  expect_any: "Geben Sie eine Zahl ein.",
  expect_whole: "Nur ganze Zahlen.",
  expect_places: "Nachkommastellen: höchstens {places}.",
  invalid_field: "„{name}“: Die Eingabe dort wird nicht gespeichert. {expected}",
  invalid_choices: "„{name}“: Die Auswahl dort wird nicht gespeichert: {problem}.",
  incomplete_step: "„{name}“ ist auf dem Server nicht vollständig: Details finden Sie unten auf dem Bildschirm.",
  sum_waiting: "Zu senden: {n}",
  sum_waiting_short: "{n} offen",
  all_sent_short: "Alles gespeichert",
  unreachable_short: "Kein Server",
  offline_short: "Offline",
  sum_refused: "abgelehnt: {n}",
  sum_refused_short: "abgelehnt: {n}",
  sum_to_fix_short: "zu prüfen: {n}",
  sum_run_refused: "der Server nimmt nichts mehr an",
  sum_not_sent: "nicht gesendet: {n}",
  sum_held: "nicht gespeichert: {n}",
  held: "Nicht gespeicherte Antworten: {n}; ihr Schritt nimmt das Eingegebene nicht an. Korrigieren Sie sie, um sie zu senden.",
  details: "Details",
  // rules.js's problems by code (describeProblem); English says the server's own `message` instead.
  problem_needs_photos: "„{name}“ braucht Fotos: mindestens {n}",
  problem_needs_signature: "„{name}“ braucht eine Unterschrift",
  problem_needs_answer: "„{name}“ braucht eine Antwort",
  problem_needs_location: "„{name}“ braucht einen Standort",
  problem_not_skippable: "{problem}; diese Vorlage erlaubt kein Überspringen",
  problem_run_signature: "diese Vorlage braucht vor dem Abschluss die Unterschrift der ausfüllenden Person",
  problem_not_a_step: "„{step}“ ist kein Schritt dieser Vorlage",
  problem_instruction_step: "„{step}“ ist ein Anweisungsschritt: er kann nicht beantwortet werden",
  problem_skipping_not_allowed: "diese Vorlage erlaubt kein Überspringen von Schritten",
  problem_null_when_skipped: "muss leer bleiben, wenn der Schritt übersprungen wird",
  problem_photos_are_the_answer: "muss leer bleiben: die Fotos sind die Antwort",
  problem_boolean: "muss Ja oder Nein sein",
  problem_number: "muss eine Zahl sein",
  problem_min: "muss mindestens {min} sein",
  problem_max: "darf höchstens {max} sein",
  problem_whole_number: "muss eine ganze Zahl sein",
  problem_decimal_places: "Nachkommastellen: höchstens {places}",
  problem_text: "darf nicht leer sein",
  problem_max_length: "zu lang: höchstens {max} Zeichen",
  problem_option: "muss eine der Optionen dieses Schritts sein ({options}); erhalten: {got}",
  problem_option_list: "muss eine Liste von Optionen sein",
  problem_option_twice: "„{option}“ ist mehr als einmal gewählt",
  problem_min_selected: "wählen Sie mindestens {n} aus",
  problem_max_selected: "wählen Sie höchstens {n} aus",
  problem_rating: "muss eine ganze Zahl von {min} bis {max} sein",
  problem_date: "muss ein Datum im Format JJJJ-MM-TT sein",
  problem_min_date: "darf nicht vor dem {date} liegen",
  problem_max_date: "darf nicht nach dem {date} liegen",
  problem_time: "muss eine Uhrzeit HH:MM sein, von 00:00 bis 23:59",
  problem_geo: "ein Standort braucht Breiten- und Längengrad oder bleibt leer",
  problem_geo_required: "{field} fehlt",
  problem_geo_range: "{field} muss eine Zahl von {min} bis {max} sein",
  problem_geo_accuracy: "die Genauigkeit muss 0 Meter oder mehr betragen oder leer bleiben",
  problem_geo_unknown: "der Standort enthält „{field}“, das er nicht annimmt (nur Breitengrad, Längengrad und Genauigkeit)",
  geo_field_lat: "Breitengrad",
  geo_field_lng: "Längengrad",
  geo_field_accuracy_m: "Genauigkeit",
  open_email_invalid: "Der Server nimmt diese E-Mail-Adresse nicht an: Schreiben Sie sie vollständig, etwa name@beispiel.de.",
};

const AR = {
  loading: "جارٍ تحميل قائمة التحقق…",
  open_title: "جاهز للبدء",
  open_lead: "أرسل إليك {sender} قائمة تحقق. عدد خطواتها: {n}.",
  open_lead_started: "أرسل إليك {sender} قائمة التحقق هذه.",
  open_button: "ابدأ قائمة التحقق",
  opening: "جارٍ الفتح…",
  identity_external: "من يملأ هذه القائمة؟",
  identity_member: "سجّل الدخول برمز العضو",
  name: "اسمك",
  email: "بريدك الإلكتروني",
  member_token: "رمز العضو (rdm_…)",
  desktop_link: "على حاسوب فيه Rundun لسطح المكتب؟ افتحها في Rundun",
  progress_label: "التقدّم",
  progress: "أُنجز {done} من {total}",
  progress_skipped: "تُخطّي: {skipped}",
  progress_incomplete: "غير مكتملة: {n}",
  required: "إلزامي",
  optional: "اختياري",
  yes: "نعم",
  no: "لا",
  skip: "تخطي هذه الخطوة",
  unskip: "الإجابة عن هذه الخطوة",
  skipped: "تُخطّيت",
  clear: "مسح",
  add_photo: "التقط صورة أو اخترها",
  photos_count: "{n} من {min}–{max} صور",
  photos_count_exact: "الصور: {got} من {n}",
  photos_count_up_to: "الصور: {got} من {n} على الأكثر",
  photos_full: "احذف واحدة لإضافة أخرى.",
  remove_photo: "إزالة الصورة {n}",
  photo_alt: "الصورة {n} من {label}",
  sign_here: "وقّع في المربع بإصبعك",
  sign_typed: "أو اكتب اسمك لتوقّع به",
  sign_clear: "مسح التوقيع",
  sign_save: "الاحتفاظ بهذا التوقيع",
  signature_saved: "حُفظ التوقيع",
  signature_kept_hint: "حُفظ التوقيع. لتغييره، وقّع من جديد واحفظ التوقيع الجديد.",
  sign_first: "وقّع في المربع أولًا: إنه فارغ.",
  run_signature: "توقيعك",
  missing_signature: "توقيعك ناقص",
  location: "إضافة موقعي",
  location_again: "تحديث موقعي",
  locating: "جارٍ تحديد موقعك…",
  location_kept: "حُفظ الموقع (±{m} م)",
  location_needed: "تحتاج هذه الخطوة إلى موقعك: اضغط «إضافة موقعي».",
  location_needed_if_answered: "إن أجبت عن هذه الخطوة فإنها تحتاج إلى موقعك أيضًا: اضغط «إضافة موقعي».",
  location_denied: "لا يُسمح لهذه الصفحة بمعرفة موقعك. اسمح بالموقع لهذا الموقع الإلكتروني من إعدادات المواقع في المتصفح (الرمز بجانب العنوان)، ثم اضغط «إضافة موقعي» مرة أخرى.",
  location_unavailable: "تعذّر تحديد موقعك الآن. تأكد من تشغيل خدمة الموقع، ثم حاول مرة أخرى.",
  location_timeout: "استغرق تحديد موقعك وقتًا طويلًا. حاول مرة أخرى.",
  complete: "إكمال قائمة التحقق",
  missing_title: "قبل أن تتمكن من الإكمال:",
  completed_title: "اكتملت قائمة التحقق",
  completed_body: "شكرًا. كل شيء على الخادم: يمكنك إغلاق هذه الصفحة.",
  completed_waiting_title: "اكتملت على هذا الهاتف ولم تُرسل بعد",
  completed_waiting_body: "إجاباتك وصورك موجودة على هذا الهاتف فقط حتى يقول السطر أدناه إن كل شيء محفوظ. لا تُرسل إلا وهذه الصفحة مفتوحة: عندما تتصل بالإنترنت، أبقِها مفتوحة أو افتح هذا الرابط مرة أخرى حتى يُحفظ كل شيء. لا تمسح بيانات هذا المتصفح قبل ذلك.",
  closed_title: "قائمة التحقق هذه مغلقة",
  opened_elsewhere_title: "يجري ملؤها بالفعل",
  opened_elsewhere_body: "فُتحت قائمة التحقق هذه على هاتف أو حاسوب آخر: تابع هناك. إن لم تكن أنت، فاطلب من المرسل رابطًا جديدًا.",
  completed_already: "اكتملت بالفعل: لم يبقَ شيء لملئه.",
  closed_cancelled: "ألغى المرسل قائمة التحقق هذه: لم يعد ممكنًا ملؤها أو إرسالها. اطلب منه رابطًا جديدًا إذا كان العمل لا يزال مطلوبًا.",
  closed_expired: "انتهت صلاحية رابط قائمة التحقق هذه: لم يعد ممكنًا ملؤها أو إرسالها. اطلب من المرسل رابطًا جديدًا.",
  closed_access_ended: "فُتحت على جهاز آخر، أو انتهى وصول هذا الهاتف إليها. اطلب من المرسل رابطًا جديدًا.",
  access_ended_title: "لم تعد قائمة التحقق هذه مفتوحة على هذا الهاتف",
  completed_elsewhere_body: "اكتملت في علامة تبويب أخرى أو على جهاز آخر.",
  not_sent: "تغييرات على هذا الهاتف لم تُرسل: {n}؛ لم يعد الخادم يقبلها. تبقى على هذا الهاتف.",
  save_unsent: "حفظ نسخة منها",
  unsent_saved: "حُفظت في التنزيلات باسم {name}: إجاباتك وصورك التي لم تُرسل، لتسلّمها لمن أرسل إليك قائمة التحقق هذه.",
  other_tab_title: "قائمة التحقق هذه مفتوحة في علامة تبويب أخرى",
  other_tab_body: "يجري ملؤها هناك. لمتابعتها في علامة التبويب هذه بدلًا من ذلك، اضغط «استخدمها هنا»: تعرض ما حفظته علامة التبويب الأخرى.",
  other_tab_use_here: "استخدمها هنا",
  online: "متصل",
  offline: "غير متصل",
  all_sent: "كل شيء محفوظ على الخادم.",
  waiting: "تغييرات بانتظار الإرسال: {n}",
  waiting_photos: "صور بانتظار الإرسال: {n} ({mb} ميغابايت)",
  waiting_signatures: "توقيعات بانتظار الإرسال: {n}",
  waiting_because: "{what} {why}",
  why_offline: "لأن هذا الجهاز غير متصل؛ تُحفظ هنا وتُرسل عند عودة الشبكة ما دامت هذه الصفحة مفتوحة (إذا أُغلقت، افتح هذا الرابط مرة أخرى).",
  unreachable: "تعذّر الوصول إلى الخادم",
  why_unreachable: "لأن الخادم لا يستجيب رغم أن هذا الهاتف متصل (شبكة Wi-Fi بلا إنترنت، أو الخادم متوقف)؛ تُحفظ على هذا الهاتف وتُرسل عندما يستجيب ما دامت هذه الصفحة مفتوحة (إذا أُغلقت، افتح هذا الرابط مرة أخرى).",
  why_retry: "فشلت المحاولة الأخيرة ({error})؛ إعادة المحاولة بعد {s} ث.",
  why_sending: "جارٍ الإرسال…",
  why_sending_share: "جارٍ الإرسال… أُرسل {pct}٪",
  photo_sending: "جارٍ إرسال الصورة {n} من {count}",
  rejected: "لم يعد الخادم يقبل شيئًا ({message}). يبقى على هذا الهاتف: {what}.",
  failed: "تغييرات رفضها الخادم: {n}؛ تبقى هنا حتى تغيّرها: {message}",
  storage_persisted: "يحتفظ هذا الجهاز بإجاباتك حتى عند نقص المساحة.",
  storage_refused: "لم يمنح المتصفح تخزينًا دائمًا: إذا نقصت المساحة فقد يحذف إجابات لم تُرسل بعد. ابقَ متصلًا حتى يُرسل كل شيء.",
  open_failed: "تعذّر فتح قائمة التحقق: {message}",
  needs_network: "يحتاج فتح قائمة التحقق إلى الشبكة مرة واحدة. اتصل وحاول مجددًا.",
  open_unreachable: "الخادم لا يستجيب رغم أن هذا الهاتف متصل (شبكة Wi-Fi بلا إنترنت، أو الخادم متوقف). حاول مجددًا بعد قليل.",
  invalid: "غير مقبول: {message}",
  problems_separator: "؛ ",
  list_separator: "، ",
  photo_unreadable: "تعذّرت قراءة تلك الصورة. التقط الصورة مرة أخرى أو اختر صورة أخرى.",
  photos_too_many: "صور لم تُضف: {n}؛ تقبل هذه الخطوة {max} على الأكثر. احذف واحدة لإضافة أخرى.",
  language: "اللغة",
  text_cut: "اقتُطع النص عند الحد الأقصى لعدد الأحرف ({max})، ولم يُؤخذ ما زاد عليه.",
  checklist_language_none: "لا تتوفر قائمة التحقق هذه باللغة {wanted}: تبقى خطواتها باللغة {language}.",
  checklist_language_offline: "تحتاج نسخة قائمة التحقق هذه باللغة {wanted} إلى الشبكة: تبقى خطواتها باللغة {language} حتى ذلك الحين.",
  checklist_language_unreachable: "الخادم لا يستجيب، لذا لا يمكن جلب نسخة قائمة التحقق هذه باللغة {wanted} بعد: تبقى خطواتها باللغة {language} حتى يستجيب.",
  checklist_language_kept: "تبقى خطوات قائمة التحقق هذه باللغة {language}، وهي اللغة التي فُتحت بها.",
  brand: "قائمة تحقق Rundun",
  open_before: "افتحها قبل {date}.",
  refusal_answer: "لم يقبل الخادم الإجابة عن «{step}»{why}. غيّرها وستُرسل.",
  refusal_skip: "لا يمكن تخطي «{step}» في قائمة التحقق هذه: أجب عنها وستُرسل الإجابة.",
  refusal_photo_slot: "لم يقبل الخادم صورة لـ«{step}»: لدى الخطوة كل الصور التي تقبلها. احذف واحدة وأضفها من جديد.",
  refusal_photo_large: "صورة لـ«{step}» أكبر مما يقبله الخادم. احذفها والتقط صورة أصغر.",
  refusal_photo_type: "صورة لـ«{step}» ليست صورة يقبلها الخادم (JPEG أو PNG أو WebP أو HEIC). احذفها واختر غيرها.",
  refusal_photo_damaged: "وصلت صورة لـ«{step}» إلى الخادم تالفة. احذفها وأضفها من جديد.",
  refusal_other: "رفض الخادم تغييرًا في «{step}»: {message}",
  run_refused_run_closed: "قائمة التحقق مغلقة",
  run_refused_run_expired: "انتهت صلاحية رابط قائمة التحقق",
  run_refused_unauthorized: "سُحب وصول هذا الهاتف إلى قائمة التحقق",
  run_refused_not_found: "لم تعد قائمة التحقق موجودة على الخادم",
  run_refused_run_already_opened: "فُتحت قائمة التحقق على جهاز آخر",
  retry_rate_limited: "الخادم مشغول",
  retry_storage_full: "مساحة تخزين الخادم ممتلئة",
  retry_internal_error: "واجه الخادم مشكلة",
  retry_conflict: "لا يزال الخادم مشغولًا بعمليات رفع سابقة لقائمة التحقق هذه",
  expect_range: "أدخل رقمًا من {min} إلى {max}.",
  expect_min: "أدخل رقمًا لا يقل عن {min}.",
  expect_max: "أدخل رقمًا لا يزيد على {max}.",
  expect_any: "أدخل رقمًا.",
  expect_whole: "أعداد صحيحة فقط.",
  expect_places: "المنازل العشرية: {places} على الأكثر.",
  invalid_field: "«{name}»: ما كُتب هناك لا يُحفظ. {expected}",
  invalid_choices: "«{name}»: ما حُدِّد هناك لا يُحفظ: {problem}.",
  incomplete_step: "«{name}» غير مكتمل على الخادم: انظر التفاصيل أسفل الشاشة.",
  sum_waiting: "بانتظار الإرسال: {n}",
  sum_waiting_short: "للإرسال: {n}",
  all_sent_short: "كل شيء محفوظ",
  unreachable_short: "الخادم لا يستجيب",
  offline_short: "غير متصل",
  sum_refused: "مرفوضة: {n}",
  sum_refused_short: "مرفوضة: {n}",
  sum_to_fix_short: "للتصحيح: {n}",
  sum_run_refused: "لم يعد الخادم يقبل شيئًا",
  sum_not_sent: "لم تُرسل: {n}",
  sum_held: "غير محفوظة: {n}",
  held: "إجابات غير محفوظة: {n}؛ خطوتها لا تقبل ما كُتب فيها. صحّحها لإرسالها.",
  details: "التفاصيل",
  // rules.js's problems by code (describeProblem); English says the server's own `message` instead.
  problem_needs_photos: "«{name}» يحتاج إلى صور: {n} على الأقل",
  problem_needs_signature: "«{name}» يحتاج إلى توقيع",
  problem_needs_answer: "«{name}» يحتاج إلى إجابة",
  problem_needs_location: "«{name}» يحتاج إلى موقع",
  problem_not_skippable: "{problem}؛ لا يسمح هذا القالب بالتخطي",
  problem_run_signature: "يحتاج هذا القالب إلى توقيع المنفّذ قبل الإكمال",
  problem_not_a_step: "«{step}» ليست خطوة في هذا القالب",
  problem_instruction_step: "«{step}» خطوة تعليمات: لا يمكن الإجابة عنها",
  problem_skipping_not_allowed: "لا يسمح هذا القالب بتخطي الخطوات",
  problem_null_when_skipped: "يجب أن تبقى فارغة عند تخطي الخطوة",
  problem_photos_are_the_answer: "يجب أن تبقى فارغة: الصور هي الإجابة",
  problem_boolean: "يجب أن تكون نعم أو لا",
  problem_number: "يجب أن تكون رقمًا",
  problem_min: "يجب ألا تقل عن {min}",
  problem_max: "يجب ألا تزيد على {max}",
  problem_whole_number: "يجب أن تكون عددًا صحيحًا",
  problem_decimal_places: "المنازل العشرية: {places} على الأكثر",
  problem_text: "يجب ألا تكون فارغة",
  problem_max_length: "طويلة جدًا: الحد الأقصى لعدد الأحرف {max}",
  problem_option: "يجب أن تكون أحد خيارات هذه الخطوة ({options})؛ وصل {got}",
  problem_option_list: "يجب أن تكون قائمة خيارات",
  problem_option_twice: "«{option}» مختار أكثر من مرة",
  problem_min_selected: "اختر {n} على الأقل",
  problem_max_selected: "اختر {n} على الأكثر",
  problem_rating: "يجب أن تكون عددًا صحيحًا من {min} إلى {max}",
  problem_date: "يجب أن تكون تاريخًا بصيغة YYYY-MM-DD",
  problem_min_date: "يجب أن تكون في {date} أو بعده",
  problem_max_date: "يجب أن تكون في {date} أو قبله",
  problem_time: "يجب أن تكون وقتًا بصيغة HH:MM من 00:00 إلى 23:59",
  problem_geo: "يجب أن يتضمن الموقع خط العرض وخط الطول أو أن يبقى فارغًا",
  problem_geo_required: "{field} مفقود",
  problem_geo_range: "يجب أن يكون {field} رقمًا من {min} إلى {max}",
  problem_geo_accuracy: "يجب أن تكون الدقة 0 متر أو أكثر، أو أن تبقى فارغة",
  problem_geo_unknown: "يتضمن الموقع «{field}» وهو ما لا يقبله (خط العرض وخط الطول والدقة فقط)",
  geo_field_lat: "خط العرض",
  geo_field_lng: "خط الطول",
  geo_field_accuracy_m: "الدقة",
  open_email_invalid: "لا يقبل الخادم عنوان البريد الإلكتروني هذا: اكتبه كاملًا، مثل name@example.com.",
};

// Each table's language in its own words: the page's language switch lists them.
export const LANGUAGES = { en: "English", es: "Español", de: "Deutsch", ar: "العربية" };
const TABLES = { en: EN, es: ES, de: DE, ar: AR };
const CHOICE_KEY = "rundun.language";
const RIGHT_TO_LEFT = new Set(["ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"]);
let table = EN;
let comma = false; // the page's language writes decimals with a comma
let locale = "en";
let numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
let exact = new Intl.NumberFormat("en", { maximumFractionDigits: 20 });
let plurals = new Intl.PluralRules("en");
let rightToLeft = false;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function useLanguage(tag) {
  try {
    locale = Intl.getCanonicalLocales(tag || "en")[0];
  } catch {
    locale = "en"; // not a BCP 47 tag
  }
  const base = locale.split("-")[0];
  table = TABLES[locale] || TABLES[base] || EN;
  numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
  comma = exact.formatToParts(1.5).find((part) => part.type === "decimal")?.value === ",";
  plurals = new Intl.PluralRules(locale);
  document.documentElement.lang = locale;
  rightToLeft = RIGHT_TO_LEFT.has(base);
  document.documentElement.dir = rightToLeft ? "rtl" : "ltr";
}

// A limit written to its last digit; a negative one in a right-to-left page isolated left to right (LRI…PDI),
// so that its minus stays before its digits ("من 30- إلى 10" read for "from -30 to 10").
function exactNumber(value) {
  return rightToLeft && value < 0 ? `\u2066${exact.format(value)}\u2069` : exact.format(value);
}

export function formatNumber(value) {
  return numbers.format(value);
}

// A number as a person types it into a step's field, read as the page's language writes numbers (the desktop's
// runner reads it by the same rules: rundun_desktop/number_entry.py), or null when it is none. The hint beside
// the field writes "at least 1,000" in English and "mindestens 1.000" in German, and people type separators
// back: a number field of the browser's own dropped a comma it did not expect, so "12,5" became 125.
// - both "," and ".": the last is the decimal point, the other groups thousands ("45,210.5", "45.210,5");
// - one of them more than once: it groups thousands ("1,234,567");
// - one of them once: the decimal point if the language writes decimals with it; otherwise it groups thousands
//   when it could ("45,210" in English: one to three digits, then exactly three), else it is the decimal point
//   ("12,5" in English, "12.5" in German).
// Arabic's ٫ and ٬ are the decimal point and the thousands separator whatever the language, its digits digits;
// spaces and apostrophes between digits are dropped ("1 000", "1'000"); broken groups ("1,23,4") are no number.
export function readNumber(text) {
  const [usualPoint, usualGroup] = comma ? [",", "."] : [".", ","];
  const typed = String(text).trim()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(/\u066b/g, usualPoint).replace(/\u066c/g, usualGroup).replace(/\u2212/g, "-")
    .replace(/(?<=\d)[\s'\u2019](?=\d)/g, "");
  if (typed.length > 64) return null;
  if (/^[+-]?(\d+[.,]?\d*|[.,]\d+)[eE][+-]?\d+$/.test(typed)) return finite(Number(typed.replace(",", ".")));
  const shape = /^([+-]?)(\d[\d.,]*|[.,]\d+)$/.exec(typed);
  if (!shape) return null;
  const [, sign, body] = shape;
  const point = decimalPoint(body, usualPoint);
  const cut = point ? body.lastIndexOf(point) : body.length;
  const whole = body.slice(0, cut);
  const group = point ? (point === "," ? "." : ",") : whole.includes(",") ? "," : ".";
  if (whole.includes(group) && !wholeGroups(whole, group)) return null;
  const decimals = point ? `.${body.slice(cut + 1) || "0"}` : "";
  return finite(Number(`${sign}${whole.split(group).join("") || "0"}${decimals}`));
}

function decimalPoint(body, usual) {
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas && dots) return body.lastIndexOf(",") > body.lastIndexOf(".") ? "," : ".";
  if (commas + dots !== 1) return null; // none, or one of them repeated: thousands
  const mark = commas ? "," : ".";
  return mark === usual || !wholeGroups(body, mark) ? mark : null;
}

function wholeGroups(number, group) {
  return new RegExp(`^(?!0)\\d{1,3}(?:\\${group}\\d{3})+$`).test(number);
}

function finite(value) {
  return Number.isFinite(value) ? value : null;
}

// A stored number as its field shows it to be edited: every digit, no thousands separators, the language's
// decimal point, so that readNumber reads it back as the same number ("45.125" would be 45125 in German).
export function editableNumber(value) {
  const text = String(value);
  return comma ? text.replace(".", ",") : text;
}

export function formatDate(iso, options = { dateStyle: "medium", timeStyle: "short" }) {
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}

export function t(key, params = {}) {
  return fill(words(key, params), params, formatNumber);
}

// A word the runner puts in the checklist itself (a yes/no step's Yes and No) in the checklist's language: a run
// opened in German said "Yes" among its German steps on an English page. English, tdl's default that every
// template never given its languages carries (written in German or not), and a language without a table leave
// it the page's. The desktop's Executor follows the same rule (rundun_desktop/answers.py `checklist_language`).
export function checklistWord(template, key) {
  const base = String((template && template.languages && template.languages[0]) || "").toLowerCase().split("-")[0];
  const own = base !== "en" && TABLES[base] ? TABLES[base][key] : undefined;
  return typeof own === "string" ? own : t(key);
}

// The text of `key` in the page's table (else English, else the key), in the plural form its count takes.
function words(key, params) {
  const text = table[key] ?? EN[key] ?? key;
  if (typeof text === "string") return text;
  const count = params.n ?? params.places;
  // The table's own language picks the form: English's table keeps English's rules under any page.
  const rules = table[key] !== undefined ? plurals : new Intl.PluralRules("en");
  return text[rules.select(typeof count === "number" ? count : 0)] ?? text.other;
}

function fill(text, params, number) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === "number" ? number(value) : Array.isArray(value) ? value.join(t("list_separator")) : String(value);
  });
}

// Whether this language's table says the problem `code` of rules.js (a test checks every code in every table).
export function hasProblemText(tag, code) {
  return Boolean(TABLES[tag] && TABLES[tag][`problem_${code}`]);
}

// The keys of the English table that this language's table lacks (a test keeps every list empty).
export function untranslated(tag) {
  return Object.keys(EN).filter((key) => !(key in (TABLES[tag] || {})));
}

// A problem of rules.js ({code, params, message}) in the page's language: its code's words with its params,
// numbers written the locale's way to their last digit (a limit of 0.25 must not read 0.3), dates as the
// locale writes them and a location's parts by their names. English, and any code a table lacks, show the
// English `message`, the server's words.
export function describeProblem({ code, params = {}, message }) {
  const text = code ? table[`problem_${code}`] : undefined; // English has its own for a few (dates, locations)
  if (!text) return message;
  const shown = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === "field" && known(`geo_field_${value}`)) {
      shown.field = t(`geo_field_${value}`); // a location's part in words ("Latitude"), not its key ("lat")
    } else if (key === "date" && typeof value === "string" && DATE_ONLY.test(value)) {
      shown.date = formatDate(value, { dateStyle: "medium", timeZone: "UTC" });
    } else if (typeof value === "string" || Array.isArray(value)) {
      // The template's words (a label, an id) isolated (FSI…PDI): an English label must not turn an Arabic
      // sentence left to right (a line takes the direction of its first strong letter), nor the reverse.
      shown[key] = `\u2068${Array.isArray(value) ? value.join(t("list_separator")) : value}\u2069`;
    } else shown[key] = value;
  }
  const said = fill(text, shown, exactNumber);
  return params.skipped && table.problem_not_skippable ? fill(table.problem_not_skippable, { problem: said }, String) : said;
}

// Several problems of one answer, one after the other with the language's own separator (Arabic's "؛").
export function describeProblems(problems) {
  return problems.map(describeProblem).join(t("problems_separator"));
}

const isolate = (text) => `\u2068${text}\u2069`;
const known = (key) => Boolean(table[key] ?? EN[key]);
const OP_REFUSALS = { validation_error: "refusal_answer", skip_not_allowed: "refusal_skip" };
const PHOTO_REFUSALS = {
  validation_error: "refusal_photo_slot", payload_too_large: "refusal_photo_large",
  unsupported_media_type: "refusal_photo_type", checksum_mismatch: "refusal_photo_damaged",
};

// The server's refusal of one operation ({code, message} as sync.js keeps it) in the page's language: the
// step named by its title (`step`, isolated as a problem's words are), with what rules.js finds wrong with a
// refused answer (`problems`). A code not listed here keeps the server's own words, in a translated frame.
export function describeRefusal({ code, message } = {}, { step, kind, problems = [] }) {
  const codes = kind === "answer" ? OP_REFUSALS : kind === "photo" || kind === "signature" ? PHOTO_REFUSALS : {};
  const key = codes[code] || "refusal_other"; // a photo's removal, and any other code: the server's words
  const why = problems.length ? `: ${describeProblems(problems)}` : "";
  return t(key, { step: isolate(step), why, message: message || code || "?" });
}

// Why the server refuses the whole run (run_closed, run_expired, a withdrawn token…), else its own words.
export function describeRunRefusal({ code, message } = {}) {
  const key = `run_refused_${code === "run_not_found" ? "not_found" : code}`;
  return known(key) ? t(key) : message;
}

// Why the last try failed, where the server said (busy, storage full), else its own words.
export function describeRetry({ code, message } = {}) {
  return known(`retry_${code}`) ? t(`retry_${code}`) : message;
}

// What a number step takes (its range and, with `places`, its decimal places), the limits to their last digit.
export function numberExpected(cfg = {}, { places = true } = {}) {
  const exactly = (key, params = {}) => fill(words(key, params), params, exactNumber);
  const low = typeof cfg.min === "number", high = typeof cfg.max === "number";
  const parts = [low && high ? exactly("expect_range", { min: cfg.min, max: cfg.max })
    : low ? exactly("expect_min", { min: cfg.min }) : high ? exactly("expect_max", { max: cfg.max }) : t("expect_any")];
  if (!places) return parts.join(" ");
  if (cfg.decimal === 0) parts.push(t("expect_whole"));
  else if (typeof cfg.decimal === "number") parts.push(t("expect_places", { places: cfg.decimal }));
  return parts.join(" ");
}

// The language the page speaks: the person's own choice on this device (the switch), else the first of the
// browser's languages (navigator.languages, as Accept-Language) that has a table, else the page's, else English;
// in the browser's own regional form of it when it has one ("en-GB": a British phone read "Dec 9, 2026, 8:30 AM",
// the American way, for "9 Dec 2026, 08:30"; "es-MX" writes 12.5 where Spain writes 12,5).
// The language the dispatcher's link names (`/r/{run_id}?lang=de`), which the server honours before
// Accept-Language for the page: the runner's words and the checklist followed the browser's instead.
function linkLanguage() {
  const tag = new URLSearchParams(location.search).get("lang") || "";
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null; // a tag only: it goes into a header
}

export function preferredLanguage() {
  const browser = navigator.languages || [];
  const wanted = [localStorage.getItem(CHOICE_KEY), linkLanguage(), ...browser, document.documentElement.lang];
  for (const tag of wanted) {
    if (!tag) continue;
    const base = tag.toLowerCase().split("-")[0];
    if (TABLES[base]) return browser.find((own) => own.includes("-") && own.toLowerCase().split("-")[0] === base) || base;
  }
  return "en";
}

// The open's Accept-Language: the language picked in the switch first, then the link's, then the browser's, so that the
// server resolves the checklist to the best of its template's languages for the person (SPEC §15). The picker
// changed only the runner's words: the checklist came in the browser's language.
export function acceptLanguage() {
  let picked = null;
  try { picked = localStorage.getItem(CHOICE_KEY); } catch { /* refused: the browser's languages */ }
  const tags = [...new Set([picked, linkLanguage(), ...(navigator.languages || [])].filter(Boolean))];
  return tags.map((tag, i) => (i ? `${tag};q=${Math.max(0.1, 1 - i / 10).toFixed(1)}` : tag)).join(", ");
}

// The one of `available` (a template's languages) that serves `tag`, as the server matches Accept-Language
// (server.tdl.languages.match_language: "de-AT" takes "de", "de" takes "de-CH" when that is all), or null.
export function matchLanguage(tag, available) {
  const lowered = new Map(available.map((own) => [own.toLowerCase(), own]));
  const parts = String(tag || "").toLowerCase().split("-");
  const primary = parts[0];
  for (; parts.length; parts.pop()) {
    const found = lowered.get(parts.join("-"));
    if (found) return found;
  }
  return available.find((own) => own.toLowerCase().split("-")[0] === primary) || null;
}

// A language's name in the page's language ("German", "Deutsch", "الألمانية"), else its tag.
export function languageName(tag) {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(String(tag).split("-")[0]) || tag;
  } catch {
    return tag;
  }
}

// The page's language switch: a <select> of every table; choosing one is kept on this device.
export function languageSwitch(changed) {
  const current = document.documentElement.lang.split("-")[0];
  const options = Object.entries(LANGUAGES).map(([tag, name]) => {
    const option = document.createElement("option");
    Object.assign(option, { value: tag, textContent: name, selected: tag === current, lang: tag });
    return option;
  });
  const select = document.createElement("select");
  Object.assign(select, { id: "language", className: "language-switch" });
  select.setAttribute("aria-label", t("language"));
  select.append(...options);
  select.addEventListener("change", () => {
    localStorage.setItem(CHOICE_KEY, select.value);
    useLanguage(preferredLanguage());
    select.setAttribute("aria-label", t("language"));
    changed();
  });
  return select;
}
