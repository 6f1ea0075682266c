"""Who may publish what: the editor → reviewer moderation of policy documents.

Editors (编辑) add and edit pages anywhere on the site but cannot publish; reviewers (政策审核员) may
publish in the policy library. Every page in the library goes through the workflow 政策文件审核: an
editor's "submit for moderation" waits for a reviewer's approval before the document is live.
`setup_policy_moderation` is idempotent; `load_demo` and the admin's page creation hook call it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
REVIEWERS = "政策审核员"
WORKFLOW_NAME = "政策文件审核"
TASK_NAME = "政策审核员审批"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def moderation_groups():
    """The editor and reviewer groups, with admin access and use of documents and images."""
    access_admin = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()
    groups = []
    for name in (EDITORS, REVIEWERS):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        if root_collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(app_label, codename)
                )
        groups.append(group)
    return groups


def policy_workflow():
    reviewers = Group.objects.get(name=REVIEWERS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def setup_policy_moderation(policy_index, site_root=None):
    """Groups, their page permissions (site-wide editing, publishing in the library) and the workflow."""
    editors, reviewers = moderation_groups()
    editing_root = site_root or policy_index.get_parent()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=editing_root, permission=_permission("wagtailcore", codename)
        )
    for codename in REVIEWER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page=policy_index, permission=_permission("wagtailcore", codename)
        )
    workflow = policy_workflow()
    WorkflowPage.objects.update_or_create(page=policy_index, defaults={"workflow": workflow})
    return workflow
