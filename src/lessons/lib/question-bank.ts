import { escapeHtml as x } from '../../lib/escape.ts';
import { orderedChoices, type Question } from './lesson.ts';

/**
 * The handout questions as an IMS QTI 1.2 object bank, as Common Cartridge profiles it: multiple choice where a
 * question has choices (the right one scores 100), essay otherwise, each with the answer key's answer as its general
 * feedback. Canvas and Moodle import it as a question bank.
 */
export interface BankQuestion {
  ident: string;
  title: string;
  question: Question;
}

const field = (label: string, entry: string) => `<qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${entry}</fieldentry></qtimetadatafield>`;
const text = (content: string) => `<material><mattext texttype="text/plain">${x(content)}</mattext></material>`;
const SCORE = '<outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>';

function itemXml({ ident, title, question }: BankQuestion): string {
  const feedback = `${ident}_answer`;
  const showAnswer = `<respcondition continue="Yes"><conditionvar><other/></conditionvar><displayfeedback feedbacktype="Response" linkrefid="${feedback}"/></respcondition>`;
  const choices = question.choices && orderedChoices(question.choices).map((c, i) => ({ ...c, ident: `${ident}_${String.fromCharCode(97 + i)}` }));
  const profile = choices ? 'cc.multiple_choice.v0p1' : 'cc.essay.v0p1';
  const response = choices
    ? `<response_lid ident="${ident}_response" rcardinality="Single"><render_choice>${choices.map((c) => `<response_label ident="${c.ident}">${text(c.text)}</response_label>`).join('')}</render_choice></response_lid>`
    : `<response_str ident="${ident}_response" rcardinality="Single"><render_fib><response_label ident="${ident}_text" rshuffle="No"/></render_fib></response_str>`;
  const scoring = choices
    ? `<respcondition continue="No"><conditionvar><varequal respident="${ident}_response">${choices.find((c) => c.right)!.ident}</varequal></conditionvar><setvar varname="SCORE" action="Set">100</setvar></respcondition>`
    : '';
  return (
    `<item ident="${ident}" title="${x(title)}">` +
    `<itemmetadata><qtimetadata>${field('cc_profile', profile)}${field('cc_weighting', '1')}${choices ? '' : field('qmd_computerscored', 'No')}</qtimetadata></itemmetadata>` +
    `<presentation>${text(question.ask)}${response}</presentation>` +
    `<resprocessing>${SCORE}${showAnswer}${scoring}</resprocessing>` +
    `<itemfeedback ident="${feedback}"><flow_mat>${text(question.answer)}</flow_mat></itemfeedback>` +
    `</item>`
  );
}

/** The object bank file; `schemaLocation` names the cartridge version's QTI profile. */
export function questionBankXml(ident: string, questions: BankQuestion[], schemaLocation: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 ${schemaLocation}">` +
    `<objectbank ident="${ident}">${questions.map(itemXml).join('\n')}</objectbank>` +
    `</questestinterop>\n`
  );
}
