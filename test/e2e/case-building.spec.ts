import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 3's journey in web mode: a new case with a marking; a person with an alias spelled
// "Mohammed", found by typing "Muhammad"; a stay, a sentence with a release date, a link graded B2
// citing a new source; the panel shows source and grading beside the link; an edit shows in
// History and is undone; English and back. Refusals along the way keep what was typed.

async function createCase(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nombre del caso').fill('Operación Frontera');
  await page.getByLabel('Clasificación').selectOption('RESERVADO');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('marking-banner')).toContainText('RESERVADO');
}

async function newPerson(page: Page, name: string, alias?: string) {
  await page.getByRole('button', { name: 'Nueva persona' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva persona' });
  await dialog.getByLabel('Nombre principal').fill(name);
  if (alias) {
    await dialog.getByRole('button', { name: 'Añadir otro nombre' }).click();
    await dialog.getByRole('group', { name: 'Otro nombre 1' }).getByLabel('Nombre', { exact: true }).fill(alias);
  }
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
}

function panelOf(page: Page, name: string): Locator {
  return page.getByRole('complementary', { name: `Ficha de ${name}` });
}

test('building a case: people, a stay, a sentence, a graded and sourced link, History, undo, both languages', async ({ page }) => {
  test.setTimeout(120_000);
  await createCase(page);

  // An empty name is refused inline; the alias typed meanwhile is still there.
  await page.getByRole('button', { name: 'Nueva persona' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Nueva persona' });
  await personDialog.getByRole('button', { name: 'Añadir otro nombre' }).click();
  const alias = personDialog.getByRole('group', { name: 'Otro nombre 1' }).getByLabel('Nombre', { exact: true });
  await alias.fill('Mohammed Said');
  await personDialog.getByRole('button', { name: 'Guardar' }).click();
  const primaryName = personDialog.getByLabel('Nombre principal');
  await expect(personDialog.getByText('Escriba un nombre.')).toBeVisible();
  await expect(primaryName).toBeFocused();
  await expect(alias).toHaveValue('Mohammed Said');
  await primaryName.fill('Abu Salah');
  await personDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(personDialog).toBeHidden();
  await expect(panelOf(page, 'Abu Salah').getByTestId('person-alias')).toHaveText('Mohammed Said');

  await newPerson(page, 'Karim Tahiri');
  await expect(panelOf(page, 'Karim Tahiri')).toBeVisible();

  // Ctrl+K, then "Muhammad" finds the alias spelled "Mohammed".
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Buscar' });
  await search.getByRole('textbox').fill('Muhammad');
  await search.getByRole('option', { name: /Abu Salah/ }).click();
  const panel = panelOf(page, 'Abu Salah');
  await expect(panel.getByRole('heading', { name: 'Abu Salah' })).toBeVisible();

  // A stay in a prison of the built-in gazetteer.
  await panel.getByRole('button', { name: 'Añadir estancia' }).click();
  const stayDialog = page.getByRole('dialog', { name: 'Nueva estancia de Abu Salah' });
  await stayDialog.getByLabel('Prisión').selectOption({ label: 'Centro Penitenciario de Algeciras (Botafuegos) (Cádiz)' });
  await stayDialog.getByLabel('Módulo').fill('Módulo 10');
  await stayDialog.getByLabel('Desde').fill('2016-05-01');
  await stayDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(stayDialog).toBeHidden();
  await expect(panel.getByRole('region', { name: 'Estancias en prisión' })).toContainText(
    'Centro Penitenciario de Algeciras (Botafuegos): desde el 1 de mayo de 2016 · Módulo 10',
  );

  // A stay that overlaps it in another prison is refused, with the message beside the field.
  await panel.getByRole('button', { name: 'Añadir estancia' }).click();
  await stayDialog.getByLabel('Prisión').selectOption({ label: 'Centro Penitenciario Sevilla I (Sevilla)' });
  await stayDialog.getByLabel('Desde').fill('2017-01-01');
  await stayDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(stayDialog.getByText('Esta estancia se solapa con otra de la misma persona.')).toBeVisible();
  await expect(stayDialog.getByLabel('Desde')).toBeFocused();
  await stayDialog.getByRole('button', { name: 'Cancelar' }).click();
  await expect(stayDialog).toBeHidden();

  // A sentence: a release before its start is refused inline, then corrected.
  await panel.getByRole('button', { name: 'Añadir condena' }).click();
  const sentenceDialog = page.getByRole('dialog', { name: 'Nueva condena de Abu Salah' });
  await sentenceDialog.getByLabel('Delito').fill('Integración en organización terrorista');
  await sentenceDialog.getByLabel('Años').fill('14');
  await sentenceDialog.getByLabel('Inicio').fill('2012-03-01');
  const expected = sentenceDialog.getByLabel('Excarcelación prevista');
  await expected.fill('2011-03-01');
  await sentenceDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(sentenceDialog.getByText('La excarcelación no puede ser anterior al inicio de la condena.')).toBeVisible();
  await expect(expected).toBeFocused();
  await expect(sentenceDialog.getByLabel('Delito')).toHaveValue('Integración en organización terrorista');
  await expected.fill('2026-03-01');
  await sentenceDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(sentenceDialog).toBeHidden();
  const sentences = panel.getByRole('region', { name: 'Condenas' });
  await expect(sentences).toContainText('Integración en organización terrorista');
  await expect(sentences.getByTestId('release-date')).toContainText('1 de marzo de 2026');
  await expect(sentences).toContainText('168 meses');

  // A link: to himself is refused; to Karim, a letter graded B2, citing a source created inline.
  await panel.getByRole('button', { name: 'Añadir vínculo' }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Nuevo vínculo de Abu Salah' });
  const other = linkDialog.getByRole('combobox', { name: 'Otra persona' });
  const matches = linkDialog.getByRole('listbox', { name: 'Personas que coinciden' });
  await other.fill('Abu Sal');
  await matches.getByRole('option', { name: /Abu Salah/ }).click();
  await linkDialog.getByLabel('Fecha', { exact: true }).fill('2018-02-10');
  await linkDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(linkDialog.getByText('Un vínculo debe unir a dos personas distintas.')).toBeVisible();
  await expect(other).toBeFocused();
  await other.fill('Karim');
  await matches.getByRole('option', { name: /Karim Tahiri/ }).click();
  await expect(linkDialog.getByLabel('Fecha', { exact: true })).toHaveValue('2018-02-10');
  await expect(linkDialog.getByLabel('Tiene sentido (quién a quién)')).toBeChecked();
  await linkDialog.getByLabel('Número (cartas, llamadas o visitas)').fill('3');
  await linkDialog.getByLabel('Fiabilidad de la fuente').selectOption('B');
  await linkDialog.getByLabel('Credibilidad de la información').selectOption('2');
  await expect(linkDialog.getByText('Valoración: B2')).toBeVisible();
  await linkDialog.getByRole('button', { name: 'Crear una fuente nueva' }).click();
  const newSource = linkDialog.getByRole('group', { name: 'Crear una fuente nueva' });
  await newSource.getByLabel('Tipo de fuente').selectOption('letter');
  await newSource.getByLabel('Título').fill('Carta intervenida en Algeciras');
  await newSource.getByLabel('Autor u organismo').fill('Guardia Civil, UCE-2');
  await newSource.getByLabel('Dónde se conserva').fill('Archivo de la unidad, caja 12');
  await newSource.getByLabel('Fiabilidad').selectOption('B');
  // Issue 14: a source above the case's marking (the case is RESERVADO) says so wherever it appears.
  await expect(newSource.getByLabel('Clasificación de este registro')).toHaveValue('');
  await newSource.getByLabel('Clasificación de este registro').selectOption('SECRETO');
  await newSource.getByRole('button', { name: 'Crear y citar la fuente' }).click();
  await expect(linkDialog.getByRole('group', { name: 'Fuentes citadas' })).toContainText('Carta intervenida en Algeciras (B)');
  await linkDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(linkDialog).toBeHidden();

  // Beside the link: its grading and where it came from.
  const links = panel.getByRole('region', { name: 'Vínculos' });
  await expect(links).toContainText('Carta hacia Karim Tahiri');
  await expect(links).toContainText('Valoración B2');
  await expect(links).toContainText('Carta intervenida en Algeciras (fiabilidad B) SECRETO');

  // Edit a field; History shows before → after.
  await panel.getByRole('button', { name: 'Editar', exact: true }).click();
  const editDialog = page.getByRole('dialog', { name: 'Editar a Abu Salah' });
  await editDialog.getByLabel('Papel en la red').selectOption('leader');
  await editDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(editDialog).toBeHidden();
  const situation = panel.getByRole('region', { name: 'Situación' });
  await expect(situation).toContainText('Cabecilla');
  await panel.getByRole('tab', { name: 'Historial' }).click();
  const change = panel.getByTestId('audit-change').first();
  await expect(change).toContainText('Sin determinar');
  await expect(change).toContainText('Cabecilla');

  // Undo (the header button), redo (Ctrl+Shift+Z), undo again (Ctrl+Z): each one audited.
  await page.getByRole('button', { name: 'Deshacer' }).click();
  await expect(situation).toContainText('Sin determinar');
  await expect(panel.getByTestId('audit-entry')).toHaveCount(3);
  await page.keyboard.press('Control+Shift+Z');
  await expect(situation).toContainText('Cabecilla');
  await page.keyboard.press('Control+Z');
  await expect(situation).toContainText('Sin determinar');
  await expect(panel.getByTestId('audit-entry')).toHaveCount(5);

  // English, and back to Spanish.
  await page.getByLabel('Idioma').selectOption('en');
  const englishPanel = page.getByRole('complementary', { name: 'Record of Abu Salah' });
  await expect(englishPanel.getByRole('region', { name: 'Links' })).toContainText('Grading B2');
  await expect(englishPanel.getByRole('region', { name: 'Links' })).toContainText('Carta intervenida en Algeciras (reliability B)');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(links).toContainText('Valoración B2');
  await expect(page.getByRole('button', { name: 'Nueva persona' })).toBeVisible();

  // Delete the link (asked first), then undo the deletion.
  await links.getByRole('button', { name: 'Borrar el vínculo con Karim Tahiri' }).click();
  await links.getByRole('button', { name: 'Sí, borrar' }).click();
  await expect(links).not.toContainText('Karim Tahiri');
  await page.getByRole('button', { name: 'Deshacer' }).click();
  await expect(links).toContainText('Carta hacia Karim Tahiri', { timeout: 15_000 });
  await expect(links).toContainText('Valoración B2');
});

test('a transfer closes one stay and opens the next in one step, and is undone as one; events cite sources; Esc closes an editor', async ({ page }) => {
  test.setTimeout(90_000);
  await createCase(page);
  await newPerson(page, 'Omar Benali');
  const panel = panelOf(page, 'Omar Benali');

  await panel.getByRole('button', { name: 'Añadir estancia' }).click();
  const stayDialog = page.getByRole('dialog', { name: 'Nueva estancia de Omar Benali' });
  await stayDialog.getByLabel('Prisión').selectOption({ label: 'Centro Penitenciario de Algeciras (Botafuegos) (Cádiz)' });
  await stayDialog.getByLabel('Desde').fill('2015-01-01');
  await stayDialog.getByRole('button', { name: 'Guardar' }).click();
  const stays = panel.getByRole('region', { name: 'Estancias en prisión' });
  await expect(stays).toContainText('Centro Penitenciario de Algeciras (Botafuegos): desde el 1 de enero de 2015');

  // A transfer dated before the open stay began is refused on the date, and nothing moves.
  await panel.getByRole('button', { name: 'Traslado' }).click();
  const transfer = page.getByRole('dialog', { name: 'Traslado de Omar Benali' });
  await expect(transfer).toContainText('Estancia actual: Centro Penitenciario de Algeciras (Botafuegos), desde el 1 de enero de 2015');
  await transfer.getByLabel('Prisión').selectOption({ label: 'Centro Penitenciario Sevilla I (Sevilla)' });
  const date = transfer.getByLabel('Fecha del traslado');
  await date.fill('2014-12-31');
  await transfer.getByRole('button', { name: 'Guardar' }).click();
  await expect(transfer.getByText('La fecha final es anterior a la inicial.')).toBeVisible();
  await expect(date).toBeFocused();
  await date.fill('2018-06-30');
  await transfer.getByRole('button', { name: 'Guardar' }).click();
  await expect(transfer).toBeHidden();
  await expect(stays).toContainText('Centro Penitenciario Sevilla I: desde el 30 de junio de 2018');
  await expect(stays).toContainText('Centro Penitenciario de Algeciras (Botafuegos): del 1 de enero de 2015 al 30 de junio de 2018');
  await expect(panel.getByRole('region', { name: 'Situación' })).toContainText('Centro Penitenciario Sevilla I');

  // One undo takes the whole transfer back.
  await page.getByRole('button', { name: 'Deshacer' }).click();
  await expect(stays).not.toContainText('Sevilla I');
  await expect(stays).toContainText('Centro Penitenciario de Algeciras (Botafuegos): desde el 1 de enero de 2015');

  // An event with a source created on the spot.
  await panel.getByRole('button', { name: 'Añadir hecho' }).click();
  const eventDialog = page.getByRole('dialog', { name: 'Nuevo hecho' });
  await eventDialog.getByLabel('Tipo de hecho').selectOption('arrest');
  await eventDialog.getByLabel('Título').first().fill('Detención en la operación');
  await eventDialog.getByLabel('Fecha').first().fill('2018-10-02');
  await eventDialog.getByRole('button', { name: 'Crear una fuente nueva' }).click();
  const newSource = eventDialog.getByRole('group', { name: 'Crear una fuente nueva' });
  await newSource.getByLabel('Tipo de fuente').selectOption('press');
  await newSource.getByLabel('Título').fill('Nota de prensa del Ministerio del Interior');
  await newSource.getByLabel('Fiabilidad').selectOption('C');
  await newSource.getByRole('button', { name: 'Crear y citar la fuente' }).click();
  await expect(eventDialog.getByRole('group', { name: 'Fuentes citadas' })).toContainText('Nota de prensa del Ministerio del Interior (C)');
  await eventDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(eventDialog).toBeHidden();
  const events = panel.getByRole('region', { name: 'Hechos' });
  await expect(events).toContainText('Detención · 2 de octubre de 2018 · Detención en la operación');
  await expect(events).toContainText('Fuente: Nota de prensa del Ministerio del Interior (C)');

  // The source, opened from beside the fact, is regraded; the panel follows.
  await events.getByRole('button', { name: 'Editar la fuente Nota de prensa del Ministerio del Interior' }).click();
  const sourceDialog = page.getByRole('dialog', { name: 'Editar fuente' });
  await expect(sourceDialog.getByLabel('Título')).toHaveValue('Nota de prensa del Ministerio del Interior');
  await sourceDialog.getByLabel('Fiabilidad').selectOption('B');
  await sourceDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(sourceDialog).toBeHidden();
  await expect(events).toContainText('Fuente: Nota de prensa del Ministerio del Interior (B)');

  // Esc closes the editor, not the record behind it; nothing was saved.
  await panel.getByRole('button', { name: 'Editar', exact: true }).click();
  const editDialog = page.getByRole('dialog', { name: 'Editar a Omar Benali' });
  await editDialog.getByLabel('Nombre real').fill('Omar B.');
  await page.keyboard.press('Escape');
  await expect(editDialog).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(panel).not.toContainText('Omar B.');
});
