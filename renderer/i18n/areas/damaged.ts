import type { EnglishOf } from '../english-strings';

/**
 * Records that could not be read (their sealed bytes damaged, altered or without their case's key):
 * the banner that names them while the rest of the case is shown, and the start-up failure that
 * names the one it stopped on. The kinds of case records take their names from
 * records.history.table; `table` names the rest.
 */
export const damagedEs = {
  bannerLabel: 'Registros que no se pudieron leer',
  summary_one: '{{count, number}} registro no se pudo leer y no se muestra.',
  summary_many: '{{count, number}} registros no se pudieron leer y no se muestran.',
  summary_other: '{{count, number}} registros no se pudieron leer y no se muestran.',
  why: 'Sus datos cifrados en este equipo están dañados o alterados, o ya no existe la clave de su caso. Vigía no muestra como datos lo que no puede comprobar.',
  rest: 'El resto del caso se ha comprobado y se muestra con normalidad.',
  whatToDo:
    'Qué hacer: pida al responsable técnico que los restaure desde un paquete o una copia de seguridad que los contenga. Mientras tanto puede seguir trabajando con el resto. Si vuelve a ocurrir, el disco puede estar fallando o alguien puede haber alterado los datos.',
  listLabel: 'Registros que no se muestran',
  kindKeys: '{{kind}}: {{keys}}',
  record: '{{kind}} {{key}}',
  dismiss: 'Ocultar el aviso de registros no leídos',
  startFailed:
    'No se pudo abrir la estación: un registro guardado no se pudo leer ({{record}}). Sus datos cifrados están dañados o alterados. Pida al responsable técnico que lo restaure desde un paquete o una copia de seguridad.',
  workspaceFailed:
    'No se pudo mostrar esta parte del caso: {{record}} no se pudo leer (sus datos cifrados están dañados o alterados). Pida al responsable técnico que lo restaure; el resto de la estación sigue disponible.',
  workspaceFailedOther: 'Algo falló al mostrar el caso. Vuelva a intentarlo; si se repite, avise al responsable técnico.',
  retry: 'Volver a intentarlo',
  table: {
    audit: 'Entrada del diario',
    settings: 'Ajuste de la estación',
    views: 'Vista guardada',
    layouts: 'Disposición de la red',
    identity: 'Identidad de analista',
    contacts: 'Tarjeta de colega',
    bundleLog: 'Paquete enviado o recibido',
    arrivals: 'Procedencia de paquetes',
    importSpecs: 'Especificación de importación',
  },
};

export const damagedEn: EnglishOf<typeof damagedEs> = {
  bannerLabel: 'Records that could not be read',
  summary_one: '{{count, number}} record could not be read and is not shown.',
  summary_other: '{{count, number}} records could not be read and are not shown.',
  why: 'Their encrypted data on this computer is damaged or has been altered, or their case’s key no longer exists. Vigía does not show as data what it cannot verify.',
  rest: 'The rest of the case has been verified and is shown as usual.',
  whatToDo:
    'What to do: ask the technical lead to restore them from a bundle or backup that holds them. Meanwhile you can go on working with the rest. If it happens again, the disk may be failing or someone may have altered the data.',
  listLabel: 'Records not shown',
  kindKeys: '{{kind}}: {{keys}}',
  record: '{{kind}} {{key}}',
  dismiss: 'Hide the notice about unread records',
  startFailed:
    'The workstation could not be opened: a stored record could not be read ({{record}}). Its encrypted data is damaged or has been altered. Ask the technical lead to restore it from a bundle or backup.',
  workspaceFailed:
    'This part of the case could not be shown: {{record}} could not be read (its encrypted data is damaged or altered). Ask the technical lead to restore it; the rest of the workstation is still available.',
  workspaceFailedOther: 'Something failed while showing the case. Try again; if it happens again, tell the technical lead.',
  retry: 'Try again',
  table: {
    audit: 'Journal entry',
    settings: 'Workstation setting',
    views: 'Saved view',
    layouts: 'Network layout',
    identity: 'Analyst identity',
    contacts: 'Colleague’s card',
    bundleLog: 'Bundle sent or received',
    arrivals: 'Bundle provenance',
    importSpecs: 'Import specification',
  },
};
