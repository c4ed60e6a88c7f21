using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Requests;
using ApiTools.Errors;
using ApiTools.Evotor.Input;
using ApiTools.Input;
using ApiTools.PlanFix.Input;

namespace ApiTools.Tests.Input;

/// <summary>The field lists the unknown-column warning is built from are the fields the readers read: a field read but
/// not listed would be warned about as unknown while it is used.</summary>
public class ReaderFieldListTests
{
    public static TheoryData<string> Readers() =>
        new() { "product", "product group", "task", "contact", "project", "handbook record", "contractor", "department", "employee", "contract", "document", "table row" };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_field_a_reader_asks_for_is_in_its_list(string reader)
    {
        var fields = new InputFields(Array.Empty<KeyValuePair<string, object?>>());
        IEnumerable<string> listed = reader switch
        {
            "product" => ProductInput.WritableFields,
            "product group" => ProductGroupInput.WritableFields,
            "task" => PlanFixInput.Tasks.Fields,
            "contact" => PlanFixContactInput.Contacts.Fields,
            "project" => PlanFixProjectInput.Projects.Fields,
            "handbook record" => PlanFixRecordInput.RecordFields,
            "contractor" => EnDocsInput.ContractorFields,
            "department" => EnDocsInput.DepartmentFields,
            "employee" => EnDocsInput.EmployeeFields,
            "contract" => EnDocsDocumentInput.ContractFields,
            "document" => EnDocsDocumentInput.DocumentFields,
            _ => EnDocsDocumentInput.TableRowFields,
        };
        Action read = reader switch
        {
            "product" => () => ProductInput.Read(fields, "item 1", requireId: true),
            "product group" => () => ProductGroupInput.Read(fields, "item 1", requireId: true),
            "task" => () => PlanFixInput.ReadTask(fields, "item 1", TimeZoneInfo.Utc, update: true),
            "contact" => () => PlanFixContactInput.ReadContact(fields, "item 1", TimeZoneInfo.Utc, update: true),
            "project" => () => PlanFixProjectInput.ReadProject(fields, "item 1", TimeZoneInfo.Utc, update: true),
            "handbook record" => () => PlanFixRecordInput.ReadRecord(fields, "item 1", Array.Empty<string>(), update: true),
            "contractor" => () => EnDocsInput.ReadContractor(fields, "item 1"),
            "department" => () => EnDocsInput.ReadDepartment(fields, "item 1"),
            "employee" => () => EnDocsInput.ReadEmployee(fields, "item 1"),
            "contract" => () => EnDocsDocumentInput.ReadContract(fields, "item 1"),
            "document" => () => EnDocsDocumentInput.ReadDocument(fields, "item 1"),
            _ => () => EnDocsDocumentInput.ReadTableRow(fields, "row 1"),
        };

        Assert.Throws<ApiValidationException>(read); // an empty item lacks what is required
        Assert.NotEmpty(fields.Asked);
        Assert.Empty(fields.Asked.Except(listed, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_column_of_what_the_Get_cmdlet_writes_is_known_and_a_typo_is_named_once()
    {
        var unknown = PlanFixInput.Tasks.NewUnknownFields();

        Assert.Null(unknown.Warning(new[] { "Id", "OwnerName", "ProjectTitle", "CustomFields", "Extra" }, "item 1"));
        Assert.Contains("'Titel'", unknown.Warning(new[] { "Title", "Titel" }, "item 1"));
        Assert.Null(unknown.Warning(new[] { "Titel" }, "item 2"));
    }

}
