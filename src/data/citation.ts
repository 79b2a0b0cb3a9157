import { DATASET_LICENSE, DATASET_PAGE, DATASET_REVISION, PAPER_URL, SITE_TITLE } from '../config.ts';

export interface Citation {
  label: string;
  text: string;
  bibtex: string;
}

/** How to cite what a chart rests on: the paper, the dataset, and this report (at the URL it is served from). */
export function citations(siteUrl: string, year = new Date().getUTCFullYear()): Citation[] {
  return [
    {
      label: 'The paper',
      text: 'Huang, S., Durmus, E., McCain, M., Handa, K., Tamkin, A., Hong, J., Stern, M., Somani, A., Zhang, X., & Ganguli, D. (2025). Values in the Wild: Discovering and Analyzing Values in Real-World Language Model Interactions. arXiv:2504.15236.',
      bibtex: `@article{huang2025values,
  title   = {Values in the Wild: Discovering and Analyzing Values in Real-World Language Model Interactions},
  author  = {Huang, Saffron and Durmus, Esin and McCain, Miles and Handa, Kunal and Tamkin, Alex and Hong, Jerry and Stern, Michael and Somani, Arushi and Zhang, Xiuruo and Ganguli, Deep},
  journal = {arXiv preprint arXiv:2504.15236},
  year    = {2025},
  url     = {${PAPER_URL}}
}`,
    },
    {
      label: 'The dataset',
      text: `Anthropic (2025). Values in the Wild [dataset], revision ${DATASET_REVISION.slice(0, 7)}. Hugging Face. ${DATASET_PAGE}. ${DATASET_LICENSE}.`,
      bibtex: `@misc{anthropic2025valuesdata,
  title        = {Values in the Wild},
  author       = {{Anthropic}},
  year         = {2025},
  howpublished = {Hugging Face dataset, revision ${DATASET_REVISION}},
  url          = {${DATASET_PAGE}},
  note         = {${DATASET_LICENSE}}
}`,
    },
    {
      label: 'This report',
      text: `${SITE_TITLE} (${year}). ${siteUrl}. Charts computed from Anthropic's Values in the Wild dataset (${DATASET_LICENSE}).`,
      bibtex: `@misc{vitwreport${year},
  title        = {${SITE_TITLE}},
  year         = {${year}},
  howpublished = {\\url{${siteUrl}}},
  note         = {Charts computed from Anthropic's Values in the Wild dataset (${DATASET_LICENSE})}
}`,
    },
  ];
}
