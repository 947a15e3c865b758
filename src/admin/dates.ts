/**
 * Dates as the admin shows and takes them: 24-hour `dd/MM/yyyy HH:mm`, in Vietnam time, the
 * same on every screen (lists, versions, the date picker, the scheduling drawer).
 */
import type { DateField } from 'payload'

import { PORTAL_TIME_ZONE } from '../lib/dates'

export const ADMIN_DATE_FORMAT = 'dd/MM/yyyy HH:mm'
export const ADMIN_TIME_FORMAT = 'HH:mm'

/** Payload's `admin.timezones`: the scheduling drawer offers Vietnam time only, preselected. */
export const adminTimezones = {
  supportedTimezones: [{ label: 'Giờ Việt Nam (GMT+7)', value: PORTAL_TIME_ZONE }],
  defaultTimezone: PORTAL_TIME_ZONE,
}

/**
 * The react-datepicker labels Payload leaves in English ("Time", "Next Month"); they are props of
 * the picker, so a date field passes them through `admin.date.overrides`.
 */
export const datePickerLabels = {
  timeCaption: 'Giờ',
  timeInputLabel: 'Giờ',
  previousMonthButtonLabel: 'Tháng trước',
  nextMonthButtonLabel: 'Tháng sau',
  previousMonthAriaLabel: 'Tháng trước',
  nextMonthAriaLabel: 'Tháng sau',
  previousYearButtonLabel: 'Năm trước',
  nextYearButtonLabel: 'Năm sau',
  previousYearAriaLabel: 'Năm trước',
  nextYearAriaLabel: 'Năm sau',
  chooseDayAriaLabelPrefix: 'Chọn',
  disabledDayAriaLabelPrefix: 'Không chọn được',
  weekAriaLabelPrefix: 'Tuần',
  monthAriaLabelPrefix: 'Tháng',
}

/** `admin.date` of a field that takes a day and a time ("Ngày đăng", "Hết hạn lúc"). */
export const dayAndTime: NonNullable<DateField['admin']>['date'] = {
  pickerAppearance: 'dayAndTime',
  displayFormat: ADMIN_DATE_FORMAT,
  timeFormat: ADMIN_TIME_FORMAT,
  timeIntervals: 15,
  overrides: datePickerLabels,
}
