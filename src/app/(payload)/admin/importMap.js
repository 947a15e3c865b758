import { LockedNotice as LockedNotice_041c8361a8e3535a2ceb8fd201fd6d48 } from '../../../../src/collections/Articles/components/LockedNotice'
import { SlugField as SlugField_50fa3f6bd60dee7b691c0d9ceacedf70 } from '../../../../src/collections/Articles/components/SlugField'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { TableFeatureClient as TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BodyDiff as BodyDiff_6e03a4d81fabfda95f24ee2c8b269130 } from '@/components/admin/BodyDiff'
import { TagsField as TagsField_70da42c47dfc005c85a8d67a8acb1c40 } from '../../../../src/collections/Articles/components/TagsField'
import { SaveBeforeLeaving as SaveBeforeLeaving_836ab3cab4350f07a2cc9f1c485f4c75 } from '../../../../src/collections/Articles/components/SaveBeforeLeaving'
import { PublishControls as PublishControls_7bbb3969bb5db7b9c4ace429c5a1ce74 } from '../../../../src/collections/Articles/components/PublishControls'
import { SaveDraftButton as SaveDraftButton_45cee5696c284c23ac72618f7fb046b8 } from '../../../../src/collections/Articles/components/SaveDraftButton'
import { NoUnpublishInMenu as NoUnpublishInMenu_7bbb3969bb5db7b9c4ace429c5a1ce74 } from '../../../../src/collections/Articles/components/PublishControls'
import { RecomputeButton as RecomputeButton_33af107bfd2c64fc4ea7ac18ce43afd4 } from '@/components/rating/RecomputeButton'
import { CurrentPasswordField as CurrentPasswordField_cf1a4b30379bab442a970170a4a2b180 } from '@/components/admin/CurrentPasswordField'
import { LinkRowLabel as LinkRowLabel_eb29bded7658affe013c3b11af8b24e4 } from '../../../../src/components/admin/RowLabel'
import { GroupRowLabel as GroupRowLabel_eb29bded7658affe013c3b11af8b24e4 } from '../../../../src/components/admin/RowLabel'
import { Icon as Icon_4522c7900ab0b0df414ce3e1574aaee4 } from '../../../../src/components/admin/Logo'
import { Logo as Logo_4522c7900ab0b0df414ce3e1574aaee4 } from '../../../../src/components/admin/Logo'
import { StatsNavLink as StatsNavLink_3165dda5531880667ec776fde26f8fca } from '../../../../src/components/stats/admin/StatsNavLink'
import { BackupNavLink as BackupNavLink_8184b8f1a120768bd0aed40479e546cf } from '../../../../src/components/backup/BackupNavLink'
import { NewsroomDashboard as NewsroomDashboard_fb42697dcc231471bf34fb645df8878d } from '../../../../src/components/workflow/NewsroomDashboard'
import { NavBrand as NavBrand_4522c7900ab0b0df414ce3e1574aaee4 } from '../../../../src/components/admin/Logo'
import { ReviewNavLink as ReviewNavLink_e8e0361e76e36d3d61a52101ea7d2de7 } from '../../../../src/components/workflow/ReviewNavLink'
import { FixedEnglishLabels as FixedEnglishLabels_dffe30c275e4332408dca2853ed2ff75 } from '../../../../src/components/admin/FixedEnglishLabels'
import { FirstAdmin as FirstAdmin_3e1284002ce093b0179e92b1b01baeab } from '../../../../src/components/admin/FirstAdmin'
import { StatsView as StatsView_3f8b1e28d10eadc121c5b0881e2ece3d } from '../../../../src/components/stats/admin/StatsView'
import { ReviewQueueView as ReviewQueueView_5487a83b116f789e7f4f20b1ec0565b2 } from '../../../../src/components/workflow/ReviewQueueView'
import { BackupView as BackupView_6c74e4f4c8d1967b44bc13e53c472a25 } from '../../../../src/components/backup/BackupView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/collections/Articles/components/LockedNotice#LockedNotice": LockedNotice_041c8361a8e3535a2ceb8fd201fd6d48,
  "/src/collections/Articles/components/SlugField#SlugField": SlugField_50fa3f6bd60dee7b691c0d9ceacedf70,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#TableFeatureClient": TableFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@/components/admin/BodyDiff#BodyDiff": BodyDiff_6e03a4d81fabfda95f24ee2c8b269130,
  "/src/collections/Articles/components/TagsField#TagsField": TagsField_70da42c47dfc005c85a8d67a8acb1c40,
  "/src/collections/Articles/components/SaveBeforeLeaving#SaveBeforeLeaving": SaveBeforeLeaving_836ab3cab4350f07a2cc9f1c485f4c75,
  "/src/collections/Articles/components/PublishControls#PublishControls": PublishControls_7bbb3969bb5db7b9c4ace429c5a1ce74,
  "/src/collections/Articles/components/SaveDraftButton#SaveDraftButton": SaveDraftButton_45cee5696c284c23ac72618f7fb046b8,
  "/src/collections/Articles/components/PublishControls#NoUnpublishInMenu": NoUnpublishInMenu_7bbb3969bb5db7b9c4ace429c5a1ce74,
  "@/components/rating/RecomputeButton#RecomputeButton": RecomputeButton_33af107bfd2c64fc4ea7ac18ce43afd4,
  "@/components/admin/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_cf1a4b30379bab442a970170a4a2b180,
  "/src/components/admin/RowLabel#LinkRowLabel": LinkRowLabel_eb29bded7658affe013c3b11af8b24e4,
  "/src/components/admin/RowLabel#GroupRowLabel": GroupRowLabel_eb29bded7658affe013c3b11af8b24e4,
  "/src/components/admin/Logo#Icon": Icon_4522c7900ab0b0df414ce3e1574aaee4,
  "/src/components/admin/Logo#Logo": Logo_4522c7900ab0b0df414ce3e1574aaee4,
  "/src/components/stats/admin/StatsNavLink#StatsNavLink": StatsNavLink_3165dda5531880667ec776fde26f8fca,
  "/src/components/backup/BackupNavLink#BackupNavLink": BackupNavLink_8184b8f1a120768bd0aed40479e546cf,
  "/src/components/workflow/NewsroomDashboard#NewsroomDashboard": NewsroomDashboard_fb42697dcc231471bf34fb645df8878d,
  "/src/components/admin/Logo#NavBrand": NavBrand_4522c7900ab0b0df414ce3e1574aaee4,
  "/src/components/workflow/ReviewNavLink#ReviewNavLink": ReviewNavLink_e8e0361e76e36d3d61a52101ea7d2de7,
  "/src/components/admin/FixedEnglishLabels#FixedEnglishLabels": FixedEnglishLabels_dffe30c275e4332408dca2853ed2ff75,
  "/src/components/admin/FirstAdmin#FirstAdmin": FirstAdmin_3e1284002ce093b0179e92b1b01baeab,
  "/src/components/stats/admin/StatsView#StatsView": StatsView_3f8b1e28d10eadc121c5b0881e2ece3d,
  "/src/components/workflow/ReviewQueueView#ReviewQueueView": ReviewQueueView_5487a83b116f789e7f4f20b1ec0565b2,
  "/src/components/backup/BackupView#BackupView": BackupView_6c74e4f4c8d1967b44bc13e53c472a25,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
